-- proposal-service's copy of each municipality's register of policy areas, kept from target-service's
-- policy-area.changed (the whole register each time; a newer revision replaces the copy). Catalog areas are checked
-- against it.

create table policy_area_register_copy (
    municipality varchar(3)  primary key,
    revision     bigint      not null,
    changed_at   timestamptz not null,
    received_at  timestamptz not null
);

create table policy_area_copy (
    id           bigint       primary key,
    municipality varchar(3)   not null references policy_area_register_copy (municipality) on delete cascade,
    code         varchar(10)  not null,
    name         varchar(200) not null,
    main_account integer      not null,
    committee    varchar(200),
    active       boolean      not null,
    -- one area per code and municipality; also the index of every lookup
    constraint policy_area_copy_municipality_code_key unique (municipality, code)
);
create sequence policy_area_copy_seq start with 1 increment by 50;
