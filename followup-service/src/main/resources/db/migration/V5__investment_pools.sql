-- Investment pools of multi-year agreements (Næstved: 2 mio. kr. in 2021, 10 mio. kr. a year from 2022) that
-- committees apply to with a business case; a grant draws on the pool and becomes a follow-up initiative (source
-- INVESTMENT_POOL). Amounts are whole kroner.

create table investment_pool (
    id                 bigint       primary key,
    municipality       varchar(3)   not null,
    name               varchar(200) not null,
    decision_reference varchar(300) not null,
    description        text,
    created_at         timestamptz  not null,
    created_by         varchar(200) not null,
    updated_at         timestamptz  not null,
    updated_by         varchar(200) not null,
    version            bigint       not null
);
create sequence investment_pool_seq start with 1 increment by 50;
create index investment_pool_municipality_idx on investment_pool (municipality, id);

-- Per year the pool's amount and what grants have drawn on it. Grants lock the pool row (select … for update), so
-- concurrent grants are serialised; the check is the last line of defence: a pool is never overdrawn.
create table investment_pool_year (
    pool_id bigint  not null references investment_pool (id) on delete cascade,
    year    integer not null,
    amount  bigint  not null,
    granted bigint  not null,
    constraint investment_pool_year_pkey primary key (pool_id, year),
    constraint investment_pool_year_never_overdrawn check (granted >= 0 and granted <= amount)
);

create table investment_application (
    id                bigint       primary key,
    pool_id           bigint       not null references investment_pool (id),
    municipality      varchar(3)   not null,
    committee         varchar(200) not null,
    title             varchar(300) not null,
    description       text,
    area_code         varchar(10)  not null,
    area_name         varchar(200) not null,
    area_main_account integer      not null,
    area_committee    varchar(200),
    payback_years     integer      not null,
    uncertainty       varchar(10)  not null,
    owner             varchar(200) not null,
    status            varchar(20)  not null,
    initiative_id     bigint       references initiative (id),
    submitted_at      timestamptz  not null,
    submitted_by      varchar(200) not null,
    decided_at        timestamptz,
    version           bigint       not null,
    constraint investment_application_status_check
        check (status in ('SUBMITTED', 'CHANGES_REQUESTED', 'GRANTED', 'REJECTED')),
    constraint investment_application_uncertainty_check check (uncertainty in ('LOW', 'MEDIUM', 'HIGH')),
    constraint investment_application_main_account_check check (area_main_account between 0 and 6),
    constraint investment_application_granted_check check ((status = 'GRANTED') = (initiative_id is not null))
);
create sequence investment_application_seq start with 1 increment by 50;
create index investment_application_pool_idx on investment_application (pool_id, id);
-- the pool's return: its granted applications' initiatives
create index investment_application_initiative_idx on investment_application (initiative_id)
    where initiative_id is not null;

create table investment_application_year (
    application_id  bigint  not null references investment_application (id) on delete cascade,
    year            integer not null,
    investment_cost bigint  not null,
    expected_gain   bigint  not null,
    constraint investment_application_year_pkey primary key (application_id, year),
    constraint investment_application_year_amounts_check check (investment_cost >= 0 and expected_gain >= 0)
);

create table investment_application_decision (
    id                 bigint       primary key,
    application_id     bigint       not null references investment_application (id),
    municipality       varchar(3)   not null,
    kind               varchar(20)  not null,
    reason             text,
    deciding_body      varchar(20),
    deciding_body_name varchar(200),
    decision_reference varchar(300),
    initiative_id      bigint       references initiative (id),
    decided_at         timestamptz  not null,
    decided_by         varchar(200) not null,
    decided_by_id      varchar(200) not null,
    constraint investment_application_decision_kind_check check (kind in ('GRANT', 'REJECT', 'ASK_FOR_CHANGES')),
    constraint investment_application_decision_body_check
        check (deciding_body in ('COUNCIL', 'FINANCE_COMMITTEE', 'STANDING_COMMITTEE', 'EXECUTIVE_BOARD')),
    constraint investment_application_decision_reference_check
        check ((deciding_body is null) = (decision_reference is null))
);
create sequence investment_application_decision_seq start with 1 increment by 50;
create index investment_application_decision_application_idx
    on investment_application_decision (application_id, decided_at desc, id desc);

-- Initiatives granted from a pool.
alter table initiative alter column source type varchar(20);
alter table initiative drop constraint initiative_source_check;
alter table initiative add constraint initiative_source_check
    check (source in ('CATALOG', 'MANUAL', 'INVESTMENT_POOL'));

-- The audit trail also keeps the lines of investment pools and their applications (a grant writes one on the pool
-- and one on the initiative it creates).
alter table initiative_audit
    alter column initiative_id drop not null,
    add column pool_id        bigint references investment_pool (id),
    add column application_id bigint references investment_application (id),
    add constraint initiative_audit_owner_check check (initiative_id is not null or pool_id is not null);
create index initiative_audit_pool_idx on initiative_audit (pool_id, at desc, id desc) where pool_id is not null;
