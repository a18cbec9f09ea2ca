-- Where time goes (docs/specification.md §14) over a long period: a year of 100,000 tickets is some 2 million of
-- the engine's activity instances in their lifecycles, too many to sort for medians on every request. Once a
-- ticket's request has ended (closed and past its reopen window, or redirected) its steps no longer change, so the
-- desk adds them up here, by the day the ticket came in (in the desk's zone), its lifecycle, team and request type.
-- The heat map reads these sums for finished tickets and the engine's history for the others; both give the same
-- figures.

-- When the ticket's steps were added to the sums; null while its request runs or until the summary catches up.
alter table ticket add column steps_summarized_at timestamp with time zone;
create index ticket_steps_summarized_idx on ticket (steps_summarized_at, submitted_at, team, request_type, id);

-- Each finished ticket once per lifecycle it ran (a downgraded emergency ran both), with what the heat map filters on.
create table heat_ticket (
    ticket_id    bigint      not null references ticket (id),
    process_key  varchar(64) not null,
    submitted_on date        not null,
    team         varchar(64) not null,
    request_type varchar(64) not null,
    breached     boolean     not null,
    primary key (ticket_id, process_key)
);
create index heat_ticket_day_idx on heat_ticket (process_key, submitted_on, team, request_type, breached);

-- How many of those tickets went through each step, and how often.
create table heat_step (
    submitted_on date         not null,
    process_key  varchar(64)  not null,
    team         varchar(64)  not null,
    request_type varchar(64)  not null,
    activity_id  varchar(255) not null,
    tickets      bigint       not null,
    runs         bigint       not null,
    primary key (process_key, submitted_on, team, request_type, activity_id)
);

-- How long each step took, counted by the whole second (took_from_ms is where that second starts): the heat map shows
-- seconds, minutes or hours, and the desk's own steps, which take milliseconds, fall in one row a day.
create table heat_step_time (
    submitted_on date         not null,
    process_key  varchar(64)  not null,
    team         varchar(64)  not null,
    request_type varchar(64)  not null,
    activity_id  varchar(255) not null,
    took_from_ms bigint       not null,
    runs         bigint       not null,
    primary key (process_key, submitted_on, team, request_type, activity_id, took_from_ms)
);

-- One node at a time adds finished tickets to the sums, so no two add the same ticket or race on a day's row.
insert into desk_lock (name) values ('heat-map-summary');
