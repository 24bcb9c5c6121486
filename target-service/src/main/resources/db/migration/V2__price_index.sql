-- The municipality's own price and wage index (pris- og lønindeks) for PL-regulering. The effective series is the
-- platform's default (KL's PL for service expenses, shipped in platform/contracts) overlaid with these years.
-- One row per municipality that has edited its index (the version is the ETag; never edited = version 0, no row).
create table price_index (
    municipality   varchar(3)   primary key,
    updated_at     timestamptz  not null,
    updated_by     varchar(200) not null,
    updated_by_id  varchar(200) not null,
    version        bigint       not null
);

create table price_index_year (
    municipality varchar(3)     not null references price_index (municipality) on delete cascade,
    year         integer        not null,
    index_value  numeric(13, 6) not null,
    constraint price_index_year_pkey primary key (municipality, year),
    constraint price_index_year_year_check check (year between 2000 and 2100),
    constraint price_index_year_index_check check (index_value > 0)
);
