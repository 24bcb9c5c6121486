-- followup-service schema: the benefit register (gevinstrealisering). The platform tables (outbox_event,
-- processed_event, outbox_relay_lease) come from platform/messaging (db/platform).
-- Amounts are whole kroner (bigint); gains are room created (positive).

-- A municipality's own settings; without a row the configured defaults apply.
create table followup_settings (
    municipality            varchar(3)    primary key,
    cadence                 varchar(10)   not null,
    yearly_due_month        integer       not null,
    yearly_due_day          integer       not null,
    quarterly_due_days      integer       not null,
    green_threshold_percent numeric(6, 2) not null,
    amber_threshold_percent numeric(6, 2) not null,
    updated_at              timestamptz   not null,
    updated_by              varchar(200)  not null,
    version                 bigint        not null,
    constraint followup_settings_cadence_check check (cadence in ('YEARLY', 'QUARTERLY')),
    constraint followup_settings_due_check check (yearly_due_month between 1 and 12 and yearly_due_day between 1 and 31
                                                  and quarterly_due_days between 1 and 366),
    constraint followup_settings_thresholds_check check (amber_threshold_percent >= 0
                                                         and green_threshold_percent >= amber_threshold_percent)
);

create table initiative (
    id                 bigint       primary key,
    municipality       varchar(3)   not null,
    source             varchar(10)  not null,
    proposal_id        bigint,
    proposal_number    varchar(20),
    catalog_id         bigint,
    catalog_year       integer      not null,
    price_level_year   integer      not null,
    area_code          varchar(10)  not null,
    area_name          varchar(200) not null,
    area_main_account  integer      not null,
    area_committee     varchar(200),
    type               varchar(20)  not null,
    title              varchar(300) not null,
    description        text,
    uncertainty        varchar(10),
    owner_username     varchar(200),
    owner_name         varchar(200),
    status             varchar(20)  not null,
    adopted_at         timestamptz  not null,
    decision_reference varchar(500),
    last_decision      varchar(10),
    last_decision_at   timestamptz,
    terminated_at      timestamptz,
    created_at         timestamptz  not null,
    created_by         varchar(200) not null,
    version            bigint       not null,
    constraint initiative_source_check check (source in ('CATALOG', 'MANUAL')),
    constraint initiative_type_check check (type in ('SAVING', 'EFFICIENCY', 'INVESTMENT', 'EXPANSION')),
    constraint initiative_status_check check (status in ('ACTIVE', 'TERMINATED')),
    constraint initiative_main_account_check check (area_main_account between 0 and 6),
    -- a proposal becomes at most one initiative (the consumer's second line of idempotency)
    constraint initiative_proposal_key unique (proposal_id)
);
create sequence initiative_seq start with 1 increment by 50;
-- the register list (filters by catalog year, newest first) and the KL/open-data joins per municipality
create index initiative_municipality_catalog_year_idx on initiative (municipality, catalog_year, id);
-- "my initiatives" and the per-owner overdue list
create index initiative_municipality_owner_idx on initiative (municipality, owner_username);

-- One year of an initiative. adopted = taken out of the budget (never changes); expected = the current expectation.
-- The rest are the year's figures over its report slots, recomputed by the application (domain.YearRealisation) on
-- every change of a slot, so dashboards read one row per initiative-year instead of aggregating slots.
create table initiative_year (
    initiative_id     bigint     not null references initiative (id) on delete cascade,
    year              integer    not null,
    municipality      varchar(3) not null,
    adopted           bigint     not null,
    expected          bigint     not null,
    investment_cost   bigint,
    gain              bigint,
    expected_reported bigint     not null,
    realised          bigint     not null,
    reported_slots    integer    not null,
    overdue_slots     integer    not null,
    pending_slots     integer    not null,
    gains_at_risk     bigint     not null,
    constraint initiative_year_pkey primary key (initiative_id, year)
);
-- the dashboard: one municipality, one year
create index initiative_year_municipality_year_idx on initiative_year (municipality, year);
-- KL's overview: one year of every municipality
create index initiative_year_year_idx on initiative_year (year);

create table report_slot (
    id             bigint         primary key,
    initiative_id  bigint         not null references initiative (id),
    municipality   varchar(3)     not null,
    year           integer        not null,
    quarter        integer,
    period         varchar(7)     not null,
    expected       bigint         not null,
    due_date       date           not null,
    status         varchar(10)    not null,
    overdue_since  timestamptz,
    realised       bigint,
    report_version integer        not null,
    ratio          numeric(20, 4),
    evidence_level varchar(12),
    reported_at    timestamptz,
    version        bigint         not null,
    constraint report_slot_status_check check (status in ('PENDING', 'OVERDUE', 'REPORTED', 'CLOSED')),
    constraint report_slot_quarter_check check (quarter is null or quarter between 1 and 4),
    constraint report_slot_evidence_check check (evidence_level in ('DOCUMENTED', 'PROBABLE', 'ESTIMATE')),
    constraint report_slot_period_key unique (initiative_id, period)
);
create sequence report_slot_seq start with 1 increment by 50;
-- the overdue job: pending slots by due date
create index report_slot_pending_due_idx on report_slot (due_date, id) where status = 'PENDING';
-- overdue lists per municipality
create index report_slot_overdue_idx on report_slot (municipality, due_date, id) where status = 'OVERDUE';
-- open data and the KL overview: reported slots of all municipalities
create index report_slot_reported_idx on report_slot (initiative_id, year) where status = 'REPORTED';

create table benefit_report (
    id                bigint         primary key,
    slot_id           bigint         not null references report_slot (id),
    initiative_id     bigint         not null references initiative (id),
    municipality      varchar(3)     not null,
    year              integer        not null,
    quarter           integer,
    period            varchar(7)     not null,
    report_version    integer        not null,
    expected          bigint         not null,
    realised          bigint         not null,
    ratio             numeric(20, 4),
    rag               varchar(5),
    evidence_level    varchar(12)    not null,
    narrative         text           not null,
    barriers          text,
    opportunities     text,
    correction_reason text,
    reported_at       timestamptz    not null,
    reported_by       varchar(200)   not null,
    reported_by_id    varchar(200)   not null,
    constraint benefit_report_evidence_check check (evidence_level in ('DOCUMENTED', 'PROBABLE', 'ESTIMATE')),
    constraint benefit_report_rag_check check (rag in ('GREEN', 'AMBER', 'RED')),
    constraint benefit_report_version_key unique (slot_id, report_version)
);
create sequence benefit_report_seq start with 1 increment by 50;
-- an initiative's report history, newest first
create index benefit_report_initiative_idx on benefit_report (initiative_id, reported_at desc, id desc);

create table initiative_decision (
    id             bigint       primary key,
    initiative_id  bigint       not null references initiative (id),
    municipality   varchar(3)   not null,
    kind           varchar(10)  not null,
    reason         text,
    narrative      text,
    budget_risk    bigint,
    evidence_level varchar(12),
    decided_at     timestamptz  not null,
    decided_by     varchar(200) not null,
    decided_by_id  varchar(200) not null,
    constraint initiative_decision_kind_check check (kind in ('CONTINUE', 'ADJUST', 'TERMINATE', 'SCALE_UP', 'SHARE'))
);
create sequence initiative_decision_seq start with 1 increment by 50;
create index initiative_decision_initiative_idx on initiative_decision (initiative_id, decided_at desc, id desc);

create table decision_scale_up_area (
    decision_id bigint       not null references initiative_decision (id) on delete cascade,
    position    integer      not null,
    area        varchar(200) not null,
    constraint decision_scale_up_area_pkey primary key (decision_id, position)
);

create table decision_year (
    decision_id     bigint  not null references initiative_decision (id) on delete cascade,
    year            integer not null,
    adopted         bigint  not null,
    expected_before bigint  not null,
    expected_after  bigint  not null,
    realised        bigint,
    remainder       bigint,
    constraint decision_year_pkey primary key (decision_id, year)
);

create table initiative_audit (
    id            bigint       primary key,
    initiative_id bigint       not null references initiative (id),
    at            timestamptz  not null,
    action        varchar(20)  not null,
    actor_id      varchar(200) not null,
    actor_name    varchar(200) not null,
    detail        text         not null
);
create sequence initiative_audit_seq start with 1 increment by 50;
create index initiative_audit_initiative_idx on initiative_audit (initiative_id, at desc, id desc);
