-- Where time goes (docs/specification.md §14) counts the tickets of a period that breached a target: the few breached
-- targets are found in this index instead of reading every target the desk has recorded.
create index sla_target_breached_idx on sla_target (breached_at, ticket_id);
