-- Multi-year budget agreements (flerårige aftaler, issue 17): the budget years covered, the committees with the areas
-- they answer for and their fixed operating frames per year; catalogs made from an agreement name it; breaches of a
-- fixed frame by a budget agreement (adoption) are recorded for the finance committee.

create table agreement (
    id                 bigint       primary key,
    municipality       varchar(3)   not null,
    title              varchar(200) not null,
    first_year         integer      not null,
    last_year          integer      not null,
    price_level_year   integer      not null,
    decision_reference varchar(500) not null,
    created_at         timestamptz  not null,
    created_by         varchar(200) not null,
    version            bigint       not null,
    constraint agreement_years_check check (last_year > first_year)
);
create sequence agreement_seq start with 1 increment by 50;
create index agreement_municipality_idx on agreement (municipality, first_year);

create table agreement_committee (
    id           bigint       primary key,
    agreement_id bigint       not null references agreement (id) on delete cascade,
    name         varchar(200) not null,
    position     integer      not null,
    constraint agreement_committee_name_key unique (agreement_id, name)
);
create sequence agreement_committee_seq start with 1 increment by 50;

create table agreement_committee_area (
    committee_id bigint      not null references agreement_committee (id) on delete cascade,
    area_code    varchar(10) not null,
    constraint agreement_committee_area_pkey primary key (committee_id, area_code)
);

create table agreement_frame (
    committee_id bigint  not null references agreement_committee (id) on delete cascade,
    year         integer not null,
    amount       bigint  not null,
    constraint agreement_frame_pkey primary key (committee_id, year)
);

-- A breach of a fixed frame by the budget agreement of a covered catalog, flagged to the finance committee.
create table agreement_breach (
    agreement_id bigint       not null references agreement (id) on delete cascade,
    catalog_id   bigint       not null references catalog (id),
    committee    varchar(200) not null,
    year         integer      not null,
    spending     bigint       not null,
    frame        bigint       not null,
    overrun      bigint       not null,
    flagged_at   timestamptz  not null,
    constraint agreement_breach_pkey primary key (agreement_id, catalog_id, committee, year)
);

alter table catalog add column agreement_id bigint references agreement (id);
