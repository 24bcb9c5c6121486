-- The register of policy areas per municipality: the one list of area codes that base budgets, target allocations
-- and (through policy-area.changed) proposal-service's catalogs use. Retired areas stay (history keeps its codes).

-- One row per municipality that has a register: its revision increases with every change (policy-area.changed
-- carries it); the row is locked while a change is made, so revisions never cross.
create table policy_area_register (
    municipality varchar(3)   primary key,
    revision     bigint       not null,
    changed_at   timestamptz  not null,
    changed_by   varchar(200) not null,
    constraint policy_area_register_revision_check check (revision >= 0)
);

create table policy_area (
    id            bigint       primary key,
    municipality  varchar(3)   not null references policy_area_register (municipality),
    code          varchar(10)  not null,
    name          varchar(200) not null,
    main_account  integer      not null,
    committee     varchar(200),
    active        boolean      not null,
    created_at    timestamptz  not null,
    changed_at    timestamptz  not null,
    changed_by    varchar(200) not null,
    changed_by_id varchar(200) not null,
    version       bigint       not null,
    constraint policy_area_main_account_check check (main_account between 0 and 6),
    -- one area per code and municipality; also the index of every register read
    constraint policy_area_municipality_code_key unique (municipality, code)
);
create sequence policy_area_seq start with 1 increment by 50;
