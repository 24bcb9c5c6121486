-- The idea loop (issue 12): "use this idea" requests and their outcome, the proposals that came from (or were shared
-- as) an idea as proposal-service's events tell, and the follow-up of those adopted, as followup-service's events
-- tell. The idea keeps the sums the search filters and sorts on.

-- An initiative shared from follow-up (decision SHARE) that came from no idea becomes a submission of its own.
alter table idea drop constraint idea_origin_check;
alter table idea add constraint idea_origin_check
    check (origin in ('MUNICIPALITY', 'SHARED_PROPOSAL', 'KL_IMPORT', 'SHARED_INITIATIVE'));
create unique index idea_source_initiative_key on idea (source_initiative_id) where source_initiative_id is not null;

-- "use this idea": a finance officer asked for the idea as a draft in a catalog; proposal-service answers.
create table idea_copy (
    id              uuid         primary key,
    idea_id         bigint       not null references idea (id),
    municipality    varchar(3)   not null,
    catalog_id      bigint       not null,
    area_code       varchar(10)  not null,
    status          varchar(20)  not null,
    budget_year     integer,
    proposal_id     bigint,
    proposal_number varchar(20),
    reason          varchar(40),
    detail          text,
    requested_by    varchar(200) not null,
    requested_by_id varchar(200) not null,
    requested_at    timestamptz  not null,
    answered_at     timestamptz,
    constraint idea_copy_status_check check (status in ('PENDING', 'COMPLETED', 'FAILED', 'PROPOSAL_WITHDRAWN'))
);
-- one live request per idea and catalog (pending, or its draft not withdrawn): a second is 409 naming the first
create unique index idea_copy_live_key on idea_copy (idea_id, catalog_id) where status in ('PENDING', 'COMPLETED');
create index idea_copy_proposal_idx on idea_copy (proposal_id) where proposal_id is not null;
create index idea_copy_municipality_idx on idea_copy (municipality, requested_at desc);

-- the municipalities' catalogs as proposal-service's catalog.changed tells, so a copy into another municipality's,
-- a locked or adopted catalog, or an area it does not have, is refused at once (proposal-service checks again)
create table catalog_ref (
    catalog_id   bigint      primary key,
    municipality varchar(3)  not null,
    budget_year  integer     not null,
    status       varchar(20) not null,
    area_codes   text[]      not null,
    changed_at   timestamptz not null
);

-- every proposal that came from an idea (origin IDEA_BANK) or was shared as one, and how far it got
create table idea_adoption (
    proposal_id  bigint       primary key,
    idea_id      bigint       not null references idea (id),
    municipality varchar(3)   not null,
    budget_year  integer      not null,
    catalog_id   bigint       not null,
    number       varchar(20),
    via          varchar(20)  not null,
    status       varchar(20)  not null,
    status_at    timestamptz  not null,
    presented    boolean      not null default false,
    constraint idea_adoption_via_check check (via in ('COPY', 'ORIGIN', 'SHARED')),
    constraint idea_adoption_status_check
        check (status in ('COPIED', 'SUBMITTED', 'PRESENTED', 'ADOPTED', 'REJECTED', 'WITHDRAWN'))
);
create index idea_adoption_idea_idx on idea_adoption (idea_id);

-- follow-up initiatives (of any proposal: the proposal may be linked to an idea after its reports arrived)
create table initiative_evidence (
    initiative_id      bigint       primary key,
    proposal_id        bigint,
    municipality       varchar(3)   not null,
    catalog_year       integer      not null,
    title              varchar(300) not null,
    terminated_at      timestamptz,
    termination_reason text,
    shared_at          timestamptz,
    shared_narrative   text
);
create index initiative_evidence_proposal_idx on initiative_evidence (proposal_id);

-- the latest report version of each report period of an initiative
create table initiative_report (
    initiative_id  bigint       not null references initiative_evidence (initiative_id),
    period         varchar(7)   not null,
    year           integer      not null,
    report_version integer      not null,
    expected       bigint       not null,
    realised       bigint       not null,
    evidence_level varchar(12)  not null,
    status         varchar(5),
    reported_at    timestamptz  not null,
    primary key (initiative_id, period)
);

-- what the search filters and sorts on: municipalities that copied and presented it (adopted: adoption_count),
-- initiatives reporting, their median realisation ratio, and the "most proven" score (IdeaEvidence)
alter table idea add column copy_count integer not null default 0;
alter table idea add column presented_count integer not null default 0;
alter table idea add column initiative_count integer not null default 0;
alter table idea add column realisation_ratio numeric(10, 4);
alter table idea add column proven_score numeric(6, 4) not null default 0;

drop trigger idea_search_version on idea;
create constraint trigger idea_search_version
    after insert or delete or update of status, title, summary, description, type, area_code, tags, reduces_service,
        source_municipality, budget_year, price_level_year, amount_year1, amount_year2, amount_year3, amount_year4,
        max_yearly_amount, family_id, family_municipalities, family_size, adoption_count, has_realised_gains,
        search_parts, title_parts, published_at, copy_count, realisation_ratio, proven_score
    on idea deferrable initially deferred
    for each row execute function raaderum_bump_search_version();
