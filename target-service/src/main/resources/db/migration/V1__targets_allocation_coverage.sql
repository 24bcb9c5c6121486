-- target-service schema. The platform tables (outbox_event, processed_event, outbox_relay_lease) come from
-- platform/messaging (db/platform). Amounts are whole kroner (bigint); percentages and factors numeric.

-- Base budgets: per municipality and budget year the operating budget per policy area for the four years.
create table base_budget (
    id               bigint       primary key,
    municipality     varchar(3)   not null,
    budget_year      integer      not null,
    price_level_year integer      not null,
    source           varchar(10)  not null,
    imported_at      timestamptz  not null,
    imported_by      varchar(200) not null,
    imported_by_id   varchar(200) not null,
    version          bigint       not null,
    constraint base_budget_source_check check (source in ('JSON', 'CSV', 'DEMO')),
    constraint base_budget_year_check check (budget_year between 2000 and 2100),
    -- one base budget per municipality and year; also the index of every budget lookup and list
    constraint base_budget_municipality_year_key unique (municipality, budget_year)
);
create sequence base_budget_seq start with 1 increment by 50;

create table budget_area (
    id           bigint       primary key,
    budget_id    bigint       not null references base_budget (id) on delete cascade,
    code         varchar(10)  not null,
    name         varchar(200) not null,
    main_account integer      not null,
    committee    varchar(200) not null,
    position     integer      not null,
    version      bigint       not null,
    constraint budget_area_main_account_check check (main_account between 0 and 6),
    constraint budget_area_code_key unique (budget_id, code)
);
create sequence budget_area_seq start with 1 increment by 50;

create table budget_area_year (
    budget_area_id bigint  not null references budget_area (id) on delete cascade,
    year           integer not null,
    amount         bigint  not null,
    constraint budget_area_year_pkey primary key (budget_area_id, year),
    constraint budget_area_year_amount_check check (amount >= 0)
);

-- Efficiency targets and what they state per year.
create table efficiency_target (
    id                 bigint       primary key,
    municipality       varchar(3)   not null,
    budget_year        integer      not null,
    name               varchar(200) not null,
    description        text,
    kind               varchar(10)  not null,
    mode               varchar(12)  not null,
    responsible_body   varchar(20)  not null,
    responsible_name   varchar(200),
    status             varchar(10)  not null,
    decision_reference varchar(300),
    adopted_at         timestamptz,
    adopted_by         varchar(200),
    current_round      integer      not null,
    published_round    integer,
    created_at         timestamptz  not null,
    created_by         varchar(200) not null,
    updated_at         timestamptz  not null,
    updated_by         varchar(200) not null,
    version            bigint       not null,
    constraint efficiency_target_kind_check check (kind in ('PERCENT', 'AMOUNT')),
    constraint efficiency_target_mode_check check (mode in ('ANNUAL_NEW', 'LEVEL')),
    constraint efficiency_target_body_check check (responsible_body in ('COUNCIL', 'FINANCE_COMMITTEE',
        'STANDING_COMMITTEE', 'EXECUTIVE_BOARD', 'DIRECTOR', 'DEPARTMENT_HEAD')),
    constraint efficiency_target_status_check check (status in ('DRAFT', 'ADOPTED')),
    constraint efficiency_target_year_check check (budget_year between 2000 and 2100)
);
create sequence efficiency_target_seq start with 1 increment by 50;
-- lists per municipality (newest year first) and the coverage join by municipality + budget year
create index efficiency_target_municipality_year_idx on efficiency_target (municipality, budget_year);
-- KL's aggregates over adopted targets of a budget year
create index efficiency_target_year_status_idx on efficiency_target (budget_year, status);

create table target_year (
    target_id bigint        not null references efficiency_target (id) on delete cascade,
    year      integer       not null,
    percent   numeric(7, 4),
    amount    bigint,
    constraint target_year_pkey primary key (target_id, year),
    constraint target_year_percent_check check (percent is null or percent between 0 and 10),
    constraint target_year_amount_check check (amount is null or amount >= 0)
);

-- Allocation rounds: immutable, numbered per target.
create table allocation_round (
    id                    bigint        primary key,
    target_id             bigint        not null references efficiency_target (id) on delete cascade,
    round                 integer       not null,
    allocation_key        varchar(20)   not null,
    rounding_unit         bigint        not null,
    reason                text          not null,
    budget_id             bigint        not null references base_budget (id),
    budget_version        bigint        not null,
    price_level_year      integer       not null,
    index_source          varchar(20),
    potential_analysis_id bigint,
    sensitivity           numeric(9, 4),
    multiplier_floor      numeric(9, 4),
    multiplier_cap        numeric(9, 4),
    created_at            timestamptz   not null,
    created_by            varchar(200)  not null,
    created_by_id         varchar(200)  not null,
    published_at          timestamptz,
    version               bigint        not null,
    constraint allocation_round_key_check check (allocation_key in ('UNIFORM', 'DIFFERENTIATED', 'CUSTOM')),
    constraint allocation_round_source_check check (index_source is null or index_source in ('GIVEN', 'POTENTIAL_ANALYSIS')),
    constraint allocation_round_unit_check check (rounding_unit >= 1),
    -- two rounds made at once cannot get the same number; also the index of round lookups per target
    constraint allocation_round_target_round_key unique (target_id, round)
);
create sequence allocation_round_seq start with 1 increment by 50;
create index allocation_round_budget_idx on allocation_round (budget_id);

create table allocation_line (
    round_id         bigint        not null references allocation_round (id) on delete cascade,
    area_code        varchar(10)   not null,
    area_name        varchar(200)  not null,
    main_account     integer       not null,
    committee        varchar(200)  not null,
    position         integer       not null,
    year             integer       not null,
    budget           bigint        not null,
    amount           bigint        not null,
    exempt           boolean       not null,
    manual           boolean       not null,
    reduction_factor numeric(7, 4),
    spending_index   numeric(9, 2),
    multiplier       numeric(19, 8),
    custom_weight    numeric(19, 4),
    key_share        numeric(9, 4),
    -- also serves the coverage query: lines of one round for one area
    constraint allocation_line_pkey primary key (round_id, area_code, year),
    constraint allocation_line_amount_check check (amount >= 0)
);

create table allocation_total (
    round_id     bigint  not null references allocation_round (id) on delete cascade,
    year         integer not null,
    requirement  bigint  not null,
    allocated    bigint  not null,
    budget_total bigint  not null,
    constraint allocation_total_pkey primary key (round_id, year)
);

-- Potential analyses (Varde's potentialepakker).
create table potential_analysis (
    id             bigint        primary key,
    municipality   varchar(3)    not null,
    name           varchar(200)  not null,
    description    text,
    budget_year    integer,
    benchmark_rank integer       not null,
    realism        varchar(10)   not null,
    realism_factor numeric(7, 4),
    realism_cap    bigint,
    created_at     timestamptz   not null,
    created_by     varchar(200)  not null,
    updated_at     timestamptz   not null,
    updated_by     varchar(200)  not null,
    version        bigint        not null,
    constraint potential_analysis_realism_check check (realism in ('NONE', 'FACTOR', 'CAP')),
    constraint potential_analysis_rank_check check (benchmark_rank >= 1)
);
create sequence potential_analysis_seq start with 1 increment by 50;
create index potential_analysis_municipality_idx on potential_analysis (municipality, id);

create table potential_area (
    analysis_id   bigint         not null references potential_analysis (id) on delete cascade,
    code          varchar(10)    not null,
    name          varchar(200)   not null,
    unit_label    varchar(200),
    volume        numeric(19, 4) not null,
    own_unit_cost bigint         not null,
    position      integer        not null,
    constraint potential_area_pkey primary key (analysis_id, code)
);

create table potential_comparison (
    analysis_id       bigint      not null references potential_analysis (id) on delete cascade,
    area_code         varchar(10) not null,
    municipality_code varchar(3)  not null,
    unit_cost         bigint      not null,
    constraint potential_comparison_pkey primary key (analysis_id, area_code, municipality_code)
);

create table potential_realisation (
    analysis_id bigint      not null references potential_analysis (id) on delete cascade,
    area_code   varchar(10) not null,
    year        integer     not null,
    amount      bigint      not null,
    constraint potential_realisation_pkey primary key (analysis_id, area_code, year)
);

-- The five paths: one plan per municipality and budget year (inputs as JSON).
create table path_plan (
    id           bigint       primary key,
    municipality varchar(3)   not null,
    budget_year  integer      not null,
    title        varchar(200) not null,
    input        text         not null,
    created_at   timestamptz  not null,
    created_by   varchar(200) not null,
    updated_at   timestamptz  not null,
    updated_by   varchar(200) not null,
    version      bigint       not null,
    constraint path_plan_municipality_year_key unique (municipality, budget_year)
);
create sequence path_plan_seq start with 1 increment by 50;

-- Read model of proposal.adopted / proposal.withdrawn (proposal-service).
create table known_proposal (
    proposal_id       bigint       primary key,
    municipality      varchar(3)   not null,
    budget_year       integer      not null,
    catalog_id        bigint       not null,
    number            varchar(20)  not null,
    title             varchar(300) not null,
    type              varchar(20)  not null,
    area_code         varchar(10)  not null,
    area_name         varchar(200),
    main_account      integer,
    committee         varchar(200),
    state             varchar(10)  not null,
    state_at          timestamptz  not null,
    adoption_received boolean      not null,
    adopted_at        timestamptz,
    price_level_year  integer,
    uncertainty       varchar(10),
    program_owner     varchar(200),
    updated_at        timestamptz  not null,
    version           bigint       not null,
    constraint known_proposal_type_check check (type in ('SAVING', 'EFFICIENCY', 'INVESTMENT', 'EXPANSION')),
    constraint known_proposal_state_check check (state in ('ADOPTED', 'WITHDRAWN'))
);
-- coverage of one area (and of a whole budget year) and the five paths' broad and cross-cutting paths
create index known_proposal_municipality_year_area_idx on known_proposal (municipality, budget_year, area_code);

create table known_proposal_year (
    proposal_id     bigint  not null references known_proposal (proposal_id) on delete cascade,
    year            integer not null,
    net_change      bigint  not null,
    investment_cost bigint,
    gain            bigint,
    constraint known_proposal_year_pkey primary key (proposal_id, year)
);

-- Read model of catalog.adopted.
create table catalog_adoption (
    catalog_id       bigint       primary key,
    municipality     varchar(3)   not null,
    budget_year      integer      not null,
    price_level_year integer      not null,
    title            varchar(200) not null,
    adopted_at       timestamptz  not null,
    rejected_count   integer      not null,
    version          bigint       not null
);
create index catalog_adoption_municipality_year_idx on catalog_adoption (municipality, budget_year);

create table catalog_adoption_proposal (
    catalog_id  bigint not null references catalog_adoption (catalog_id) on delete cascade,
    proposal_id bigint not null,
    constraint catalog_adoption_proposal_pkey primary key (catalog_id, proposal_id)
);

-- Live coverage per area and year (maintained by CoverageProjector).
create table area_coverage (
    id             bigint       primary key,
    municipality   varchar(3)   not null,
    budget_year    integer      not null,
    area_code      varchar(10)  not null,
    year           integer      not null,
    area_name      varchar(200),
    main_account   integer,
    committee      varchar(200),
    matched        boolean      not null,
    target         bigint       not null,
    covered        bigint       not null,
    expansions     bigint       not null,
    proposal_count integer      not null,
    reached        boolean      not null,
    updated_at     timestamptz  not null,
    version        bigint       not null,
    -- one row per area and year; also the index of the coverage read (municipality + budget year [+ area])
    constraint area_coverage_key unique (municipality, budget_year, area_code, year)
);
create sequence area_coverage_seq start with 1 increment by 50;
-- KL's aggregate by main account over a budget year
create index area_coverage_year_idx on area_coverage (budget_year, main_account);
