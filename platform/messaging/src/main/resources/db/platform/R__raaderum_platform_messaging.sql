-- Tables of platform/messaging (transactional outbox, idempotent consumer), created in every service's database.
-- A repeatable migration that runs after the service's own versioned ones: every statement must stay idempotent
-- (create ... if not exists, add column if not exists), because a change to this file re-runs all of it.

create table if not exists outbox_event (
    id            bigint generated always as identity primary key,
    event_id      uuid          not null,
    topic         varchar(200)  not null,
    aggregate_id  varchar(200)  not null,
    event_type    varchar(200)  not null,
    municipality  varchar(3),
    payload       text          not null,
    created_at    timestamptz   not null,
    sent_at       timestamptz,
    attempts      integer       not null default 0,
    last_error    varchar(2000),
    constraint outbox_event_event_id_key unique (event_id)
);
-- The relay reads pending rows in id order; sent rows are only touched by the clean-up.
create index if not exists outbox_event_pending_idx on outbox_event (id) where sent_at is null;
create index if not exists outbox_event_sent_at_idx on outbox_event (sent_at) where sent_at is not null;

-- One relay at a time per database, so events leave in the order they were written.
create table if not exists outbox_relay_lease (
    id           integer      primary key,
    holder       varchar(200),
    lease_until  timestamptz
);
insert into outbox_relay_lease (id) values (1) on conflict do nothing;

-- Events a consumer has handled, recorded in the same transaction as the handling.
create table if not exists processed_event (
    consumer      varchar(200) not null,
    event_id      varchar(200) not null,
    event_type    varchar(200),
    processed_at  timestamptz  not null,
    primary key (consumer, event_id)
);
create index if not exists processed_event_processed_at_idx on processed_event (processed_at);

-- Parking (issue 13): a row Kafka refuses on its own (too large, invalid topic) is parked after outbox.park-after
-- refusals; the relay goes on with other aggregates, rows with the same aggregate id wait behind the parked one until
-- an operator re-queues it (POST /admin/outbox/parked/retry).
alter table outbox_event add column if not exists refusals integer not null default 0;
alter table outbox_event add column if not exists parked_at timestamptz;
alter table outbox_event add column if not exists park_reason varchar(2000);
-- The W3C trace context the row was written in (also in the payload's CloudEvent): the relay publishes the event as
-- its child, so one trace runs from the request through Kafka into the consuming services.
alter table outbox_event add column if not exists traceparent varchar(55);
alter table outbox_event add column if not exists tracestate varchar(512);
create index if not exists outbox_event_parked_idx on outbox_event (aggregate_id) where parked_at is not null;
