-- The insight pages (docs/specification.md §14). Where time goes picks the tickets submitted in a period before it
-- reaches the engine's history; the SLA board reads the running targets (not yet met) by due time.
create index ticket_submitted_idx on ticket (submitted_at, id);
create index sla_target_running_idx on sla_target (met_at, due_at);
