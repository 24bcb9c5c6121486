-- idea-bank-service baseline. The platform tables (outbox_event, processed_event, outbox_relay_lease) come from
-- platform/messaging (db/platform).
create table idea (
    id                  bigint       primary key,
    source_municipality varchar(3)   not null,
    title               varchar(200) not null,
    proposal_type       varchar(20)  not null,
    version             bigint       not null
);
create sequence idea_seq start with 1 increment by 50;
create index idea_source_municipality_idx on idea (source_municipality);
