-- PL-regulering of the simulation: the price level of each target allocation, and target-service's price index per
-- municipality.

-- The price level (year) target-service stated the allocation at (TargetAllocatedV1.priceLevelYear). Rows received
-- before this column existed take their budget year (the usual level; the target's next round replaces them).
alter table target_allocation add column price_level_year integer;
update target_allocation set price_level_year = budget_year;
alter table target_allocation alter column price_level_year set not null;

-- Read model of target-service's price-index.changed: each municipality's effective price index (pris- og
-- lønindeks) as last published. A municipality without a row uses the platform's default (KL's PL for service
-- expenses, shipped in platform/contracts). The same tables as followup-service's (platform/messaging's
-- PriceIndexSnapshotBase maps them).
create table price_index_snapshot (
    municipality varchar(3)  primary key,
    -- target-service's version of the index; an event with an older version is ignored
    index_version bigint      not null,
    changed_at    timestamptz not null,
    received_at   timestamptz not null,
    version       bigint      not null
);

create table price_index_snapshot_year (
    municipality varchar(3)     not null references price_index_snapshot (municipality) on delete cascade,
    year         integer        not null,
    index_value  numeric(13, 6) not null,
    constraint price_index_snapshot_year_pkey primary key (municipality, year),
    constraint price_index_snapshot_year_index_check check (index_value > 0)
);
