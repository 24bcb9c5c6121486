-- proposal-service schema. The platform tables (outbox_event, processed_event, outbox_relay_lease) come from
-- platform/messaging (db/platform).

-- Trigram similarity for near-duplicate detection (karensperiode, "similar proposals").
create extension if not exists pg_trgm;

create table catalog (
    id               bigint       primary key,
    municipality     varchar(3)   not null,
    budget_year      integer      not null,
    price_level_year integer      not null,
    title            varchar(200) not null,
    status           varchar(20)  not null,
    karens_years     integer      not null,
    created_at       timestamptz  not null,
    created_by       varchar(200) not null,
    adopted_at       timestamptz,
    version          bigint       not null,
    constraint catalog_status_check check (status in ('OPEN', 'LOCKED', 'ADOPTED')),
    constraint catalog_budget_year_check check (budget_year between 2000 and 2100),
    constraint catalog_karens_years_check check (karens_years between 0 and 10),
    constraint catalog_municipality_year_key unique (municipality, budget_year)
);
create sequence catalog_seq start with 1 increment by 50;

create table catalog_area (
    id           bigint       primary key,
    catalog_id   bigint       not null references catalog (id),
    code         varchar(10)  not null,
    name         varchar(200) not null,
    main_account integer      not null,
    committee    varchar(200) not null,
    next_number  integer      not null,
    version      bigint       not null,
    constraint catalog_area_main_account_check check (main_account between 0 and 6),
    constraint catalog_area_code_key unique (catalog_id, code)
);
create sequence catalog_area_seq start with 1 increment by 50;

create table proposal (
    id                       bigint       primary key,
    catalog_id               bigint       not null references catalog (id),
    municipality             varchar(3)   not null,
    budget_year              integer      not null,
    number                   varchar(20)  not null,
    area_code                varchar(10)  not null,
    title                    varchar(300) not null,
    description              text         not null,
    type                     varchar(20)  not null,
    classification_rationale text         not null,
    origin_kind              varchar(30)  not null,
    origin_party             varchar(100),
    origin_idea_id           bigint,
    origin_municipality      varchar(3),
    net_total                bigint       not null,
    service_consequences     text,
    uncertainty              varchar(10)  not null,
    implementation_start     date,
    program_owner            varchar(200),
    predecessor_id           bigint       references proposal (id),
    share_with_idea_bank     boolean      not null,
    status                   varchar(20)  not null,
    presented_at             timestamptz,
    karens_override_reason   text,
    created_at               timestamptz  not null,
    created_by               varchar(200) not null,
    created_by_id            varchar(200) not null,
    updated_at               timestamptz  not null,
    version                  bigint       not null,
    constraint proposal_type_check check (type in ('SAVING', 'EFFICIENCY', 'INVESTMENT', 'EXPANSION')),
    constraint proposal_status_check check (status in ('DRAFT', 'SUBMITTED', 'QUALIFIED', 'PRESENTED', 'ADOPTED',
                                                       'REJECTED', 'WITHDRAWN')),
    constraint proposal_uncertainty_check check (uncertainty in ('LOW', 'MEDIUM', 'HIGH')),
    constraint proposal_number_key unique (catalog_id, number)
);
create sequence proposal_seq start with 1 increment by 50;
-- lists of a catalog, filtered by status / area
create index proposal_catalog_status_idx on proposal (catalog_id, status);
create index proposal_catalog_area_idx on proposal (catalog_id, area_code);
-- karensperiode and near-duplicates: same municipality and area, by year (similarity() runs on these few rows)
create index proposal_municipality_area_year_idx on proposal (municipality, area_code, budget_year);
create index proposal_predecessor_idx on proposal (predecessor_id);

create table proposal_year (
    proposal_id     bigint        not null references proposal (id) on delete cascade,
    year            integer       not null,
    net_change      bigint        not null,
    investment_cost bigint,
    gain            bigint,
    fte_change      numeric(8, 2),
    constraint proposal_year_pkey primary key (proposal_id, year)
);

create table proposal_transition (
    id              bigint       primary key,
    proposal_id     bigint       not null references proposal (id),
    from_status     varchar(20),
    to_status       varchar(20)  not null,
    actor_id        varchar(200) not null,
    actor_name      varchar(200) not null,
    at              timestamptz  not null,
    comment         text,
    karens_override boolean      not null
);
create sequence proposal_transition_seq start with 1 increment by 50;
create index proposal_transition_proposal_idx on proposal_transition (proposal_id, at);

create table scenario (
    id           bigint       primary key,
    catalog_id   bigint       not null references catalog (id),
    municipality varchar(3)   not null,
    name         varchar(200) not null,
    owner_kind   varchar(10)  not null,
    owner_id     varchar(200) not null,
    party        varchar(100),
    input        text         not null,
    created_at   timestamptz  not null,
    created_by   varchar(200) not null,
    version      bigint       not null,
    constraint scenario_owner_kind_check check (owner_kind in ('USER', 'PARTY'))
);
create sequence scenario_seq start with 1 increment by 50;
create index scenario_catalog_idx on scenario (catalog_id);

-- Read model of target.allocated (target-service): newest round per target.
create table target_allocation (
    id           bigint       primary key,
    municipality varchar(3)   not null,
    budget_year  integer      not null,
    target_id    bigint       not null,
    round        integer      not null,
    target_name  varchar(200) not null,
    area_code    varchar(10)  not null,
    area_name    varchar(200) not null,
    committee    varchar(200) not null,
    year         integer      not null,
    amount       bigint       not null,
    budget       bigint       not null,
    exempt       boolean      not null,
    constraint target_allocation_key unique (target_id, area_code, year)
);
create sequence target_allocation_seq start with 1 increment by 50;
create index target_allocation_municipality_year_idx on target_allocation (municipality, budget_year);
