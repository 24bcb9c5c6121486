-- proposal-service baseline. The platform tables (outbox_event, processed_event, outbox_relay_lease) come from
-- platform/messaging (db/platform).
create table catalog (
    id           bigint       primary key,
    municipality varchar(3)   not null,
    budget_year  integer      not null,
    title        varchar(200) not null,
    status       varchar(20)  not null,
    version      bigint       not null,
    constraint catalog_status_check check (status in ('OPEN', 'LOCKED', 'ADOPTED'))
);
create sequence catalog_seq start with 1 increment by 50;
create index catalog_municipality_year_idx on catalog (municipality, budget_year);
