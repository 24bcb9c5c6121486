-- Read models of target-service's economic-policy.adopted and budget-adjustments.changed (issue 17), and the
-- assumptions a budget agreement was checked against the economic policy with.

-- Each municipality's adopted economic policy (økonomisk politik) as last published: a newer version replaces it, an
-- older or repeated one is ignored. The key figures are kept as the event carries them (JSON of
-- EconomicPolicyAdoptedV1.keyFigures): the simulation reads them whole.
create table economic_policy_copy (
    municipality        varchar(3)   primary key,
    policy_id           bigint       not null,
    policy_version      integer      not null,
    first_budget_year   integer      not null,
    price_level_year    integer      not null,
    key_figures         text         not null,
    decision_reference  varchar(500),
    adopted_by          varchar(200),
    adopted_at          timestamptz  not null,
    received_at         timestamptz  not null
);

-- Each municipality's technical budget adjustment lines of one budget year as last published (the whole set per
-- revision; an older revision is ignored). Lines as the event carries them (JSON of BudgetAdjustmentsChangedV1.lines).
create table budget_adjustment_copy (
    municipality     varchar(3)  not null,
    budget_year      integer     not null,
    revision         bigint      not null,
    price_level_year integer     not null,
    lines            text        not null,
    changed_at       timestamptz not null,
    received_at      timestamptz not null,
    constraint budget_adjustment_copy_pkey primary key (municipality, budget_year)
);

-- The stated assumptions (borrowing, instalments per year) the budget agreement was checked against the economic
-- policy with; GET of an adopted catalog repeats the check with them.
create table catalog_adoption_assumption (
    catalog_id  bigint  not null references catalog (id) on delete cascade,
    year        integer not null,
    borrowing   bigint  not null,
    instalments bigint  not null,
    constraint catalog_adoption_assumption_pkey primary key (catalog_id, year)
);
