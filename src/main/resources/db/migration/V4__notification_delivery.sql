-- Messages are queued with the business step that causes them and delivered afterwards by the
-- engine, with retries: a message is QUEUED until it has left, then SENT.
alter table notification add column status varchar(16) default 'SENT' not null;
alter table notification add column message_id varchar(200);
