-- The economic policy (økonomisk politik) per municipality, versioned: 1, 2, … per municipality; a version is a
-- DRAFT until the council adopts it and never changes after. The key figures (room, cash holdings, service buffer,
-- long-term debt, others) with their bounds per year are a JSON document (domain.KeyFigure), read and written whole.
create table economic_policy (
    id                 bigint       primary key,
    municipality       varchar(3)   not null,
    policy_version     integer      not null,
    based_on           integer,
    first_budget_year  integer      not null,
    price_level_year   integer      not null,
    key_figures        text         not null,
    status             varchar(10)  not null,
    decision_reference varchar(300),
    adopted_at         timestamptz,
    adopted_by         varchar(200),
    created_at         timestamptz  not null,
    created_by         varchar(200) not null,
    updated_at         timestamptz  not null,
    updated_by         varchar(200) not null,
    version            bigint       not null,
    constraint economic_policy_status_check check (status in ('DRAFT', 'ADOPTED')),
    constraint economic_policy_version_check check (policy_version >= 1),
    constraint economic_policy_year_check check (first_budget_year between 2000 and 2097),
    constraint economic_policy_adopted_check check (status = 'DRAFT' or (adopted_at is not null
        and decision_reference is not null and adopted_by is not null)),
    -- one row per version; also the index of every read (by version, current, list, history)
    constraint economic_policy_municipality_version_key unique (municipality, policy_version)
);
create sequence economic_policy_seq start with 1 increment by 50;

-- At most one draft per municipality at a time.
create unique index economic_policy_one_draft_idx on economic_policy (municipality) where status = 'DRAFT';
