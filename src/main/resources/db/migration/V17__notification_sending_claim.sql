-- A delivery claims its message until this time before it hands the message to the mail server, in a transaction
-- of its own, and records it sent in another: a second run of the same delivery job (the job's lock expired while a
-- node still held it) waits instead of sending the message again (notification.DeliverMessage).
alter table notification add column sending_until timestamp with time zone;
