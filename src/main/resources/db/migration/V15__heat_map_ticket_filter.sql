-- Where time goes (docs/specification.md §14) picks the tickets of a period, often of one team or request type: with
-- both in the index the period's entries are filtered there, instead of reading every ticket of the period.
create index ticket_submitted_team_type_idx on ticket (submitted_at, team, request_type, id);
