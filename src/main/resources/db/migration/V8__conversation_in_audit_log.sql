-- The audit log keeps the whole conversation (a customer's answer runs to 20,000 characters),
-- so the separate conversation table, which only repeated it, goes.
alter table ticket_event alter column detail set data type varchar(20000);
drop table ticket_conversation;
