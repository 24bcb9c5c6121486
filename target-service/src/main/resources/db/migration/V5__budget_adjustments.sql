-- Technical budget adjustments (teknisk budget): explicit, dated lines per municipality and budget year (price and
-- wage, demography, new legislation/DUT), each compensated or not. The lines not compensated are the five-paths
-- plan's quiet path. Every change is one new revision of the budget year's set, published whole as
-- budget-adjustments.changed.

-- One row per municipality and budget year with lines: the price level of their amounts and the revision.
create table budget_adjustment_set (
    id               bigint       primary key,
    municipality     varchar(3)   not null,
    budget_year      integer      not null,
    price_level_year integer      not null,
    revision         bigint       not null,
    changed_at       timestamptz  not null,
    changed_by       varchar(200) not null,
    constraint budget_adjustment_set_year_check check (budget_year between 2000 and 2100),
    constraint budget_adjustment_set_revision_check check (revision >= 0),
    -- one set per municipality and budget year; also the index of every read
    constraint budget_adjustment_set_key unique (municipality, budget_year)
);
create sequence budget_adjustment_set_seq start with 1 increment by 50;

create table budget_adjustment_line (
    id           bigint        primary key,
    set_id       bigint        not null references budget_adjustment_set (id),
    kind         varchar(12)   not null,
    area_code    varchar(10)   not null,
    dated        date          not null,
    description  varchar(1000) not null,
    compensated  boolean       not null,
    created_at   timestamptz   not null,
    created_by   varchar(200)  not null,
    updated_at   timestamptz   not null,
    updated_by   varchar(200)  not null,
    version      bigint        not null,
    constraint budget_adjustment_line_kind_check check (kind in ('PRICE_WAGE', 'DEMOGRAPHY', 'LEGISLATION'))
);
create sequence budget_adjustment_line_seq start with 1 increment by 50;
-- the lines of a set
create index budget_adjustment_line_set_idx on budget_adjustment_line (set_id);

create table budget_adjustment_amount (
    line_id bigint  not null references budget_adjustment_line (id) on delete cascade,
    year    integer not null,
    amount  bigint  not null,
    constraint budget_adjustment_amount_pkey primary key (line_id, year)
);
