-- The account representative's notice repeats the whole request (docs/specification.md §2, §3): description,
-- impact and steps to reproduce of up to 20,000 characters each, with the object ids and the
-- environment; 30,000 characters were not enough for a request at its limits.
alter table notification alter column body set data type varchar(100000);
