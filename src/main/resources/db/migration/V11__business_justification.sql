-- Why the customer needs a critical data pull or a manual configuration change (docs/specification.md §5):
-- request types the routing table marks as needing one carry it.
alter table ticket add column business_justification varchar(5000);
