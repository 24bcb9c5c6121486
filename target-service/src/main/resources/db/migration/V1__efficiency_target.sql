-- target-service baseline. The platform tables (outbox_event, processed_event, outbox_relay_lease) come from
-- platform/messaging (db/platform).
create table efficiency_target (
    id           bigint       primary key,
    municipality varchar(3)   not null,
    budget_year  integer      not null,
    title        varchar(200) not null,
    version      bigint       not null
);
create sequence efficiency_target_seq start with 1 increment by 50;
create index efficiency_target_municipality_year_idx on efficiency_target (municipality, budget_year);
