-- The idea bank. Replaces the stub of V1 (a table nothing ever wrote to).
--
-- Search: search_vector is computed by PostgreSQL from the texts with the built-in `danish` configuration (snowball
-- stemming, Danish stop words; no unaccent, so æ, ø and å stay letters of their own): title weight A, summary B,
-- description C, and the parts of compound words (split by the service with its Danish word list, search_parts)
-- weight D, so "pleje" finds "hjemmeplejen" but ranks it below an idea that says "pleje". key_terms are the stemmed
-- words of title, summary and their compound parts, for look-alikes and duplicate candidates.
create extension if not exists pg_trgm;

drop table if exists idea;
drop sequence if exists idea_seq;

create table idea_family (
    id              bigint       primary key,
    primary_idea_id bigint       not null,
    created_at      timestamptz  not null,
    created_by      varchar(200) not null,
    version         bigint       not null
);
create sequence idea_family_seq start with 1 increment by 50;

create table idea (
    id                         bigint        primary key,
    status                     varchar(20)   not null,
    origin                     varchar(30)   not null,
    title                      varchar(300)  not null,
    summary                    varchar(1000),
    description                text,
    type                       varchar(20)   not null,
    classification_rationale   text          not null,
    reduces_service            boolean       not null,
    area_code                  varchar(40)   not null,
    tags                       text[]        not null,
    source_municipality        varchar(3)    not null,
    budget_year                integer       not null,
    price_level_year           integer,
    amount_year1               bigint,
    amount_year2               bigint,
    amount_year3               bigint,
    amount_year4               bigint,
    max_yearly_amount          bigint,
    fte_change                 numeric(8, 2),
    investment_cost            bigint,
    payback_years              numeric(4, 1),
    consequences               text,
    contact_role               varchar(200),
    source_reference           varchar(500),
    source_key                 varchar(200),
    source_proposal_id         bigint,
    source_initiative_id       bigint,
    source_status              varchar(20),
    source_changed_at          timestamptz,
    content_hash               varchar(64)   not null,
    family_id                  bigint        references idea_family (id),
    family_municipalities      text[]        not null,
    family_size                integer       not null,
    adoption_count             integer       not null default 0,
    has_realised_gains         boolean       not null default false,
    search_parts               text          not null,
    title_parts                text          not null,
    search_vector              tsvector generated always as (
        setweight(to_tsvector('danish'::regconfig, title), 'A')
        || setweight(to_tsvector('danish'::regconfig, coalesce(summary, '')), 'B')
        || setweight(to_tsvector('danish'::regconfig, coalesce(description, '')), 'C')
        || setweight(to_tsvector('danish'::regconfig, search_parts), 'D')) stored,
    key_terms                  text[] generated always as (tsvector_to_array(to_tsvector('danish'::regconfig,
        title || ' ' || coalesce(summary, '') || ' ' || title_parts))) stored,
    similarity_checked_version bigint,
    created_at                 timestamptz   not null,
    created_by                 varchar(200)  not null,
    created_by_id              varchar(200)  not null,
    updated_at                 timestamptz   not null,
    published_at               timestamptz,
    version                    bigint        not null,
    constraint idea_status_check check (status in ('SUBMITTED', 'PUBLISHED', 'REJECTED', 'MERGED', 'WITHDRAWN')),
    constraint idea_origin_check check (origin in ('MUNICIPALITY', 'SHARED_PROPOSAL', 'KL_IMPORT')),
    constraint idea_type_check check (type in ('SAVING', 'EFFICIENCY', 'INVESTMENT', 'EXPANSION')),
    constraint idea_budget_year_check check (budget_year between 2019 and 2030)
);
create sequence idea_seq start with 1 increment by 50;
alter table idea_family add constraint idea_family_primary_fk foreign key (primary_idea_id) references idea (id);

-- full-text search, spelling fallback, look-alikes, facets
create index idea_search_idx on idea using gin (search_vector);
create index idea_title_trgm_idx on idea using gin (title gin_trgm_ops);
create index idea_key_terms_idx on idea using gin (key_terms);
create index idea_family_municipalities_idx on idea using gin (family_municipalities);
create index idea_tags_idx on idea using gin (tags);
-- browsing published ideas, newest first; a municipality's own ideas; the curation queue
create index idea_published_idx on idea (published_at desc, id desc) where status = 'PUBLISHED';
create index idea_source_municipality_idx on idea (source_municipality, id);
create index idea_queue_idx on idea (created_at, id) where status = 'SUBMITTED';
create index idea_family_idx on idea (family_id);
-- what the duplicate scan has not compared since the idea last changed
create index idea_unchecked_idx on idea (id)
    where status in ('SUBMITTED', 'PUBLISHED') and similarity_checked_version is distinct from version;
-- idempotency: an import row is one idea per municipality, budget year and number/reference; a proposal one idea
create unique index idea_source_key on idea (source_municipality, budget_year, source_key) where source_key is not null;
create unique index idea_source_proposal_key on idea (source_proposal_id) where source_proposal_id is not null;

-- Every change of an idea: who, when, why, and the fields that changed (from → to), so every version can be told.
create table idea_history (
    id           bigint       primary key,
    idea_id      bigint       not null references idea (id),
    action       varchar(30)  not null,
    idea_version bigint       not null,
    status       varchar(20)  not null,
    actor_id     varchar(200) not null,
    actor_name   varchar(200) not null,
    at           timestamptz  not null,
    reason       text,
    changes      text
);
create sequence idea_history_seq start with 1 increment by 50;
create index idea_history_idea_idx on idea_history (idea_id, id);

-- A merge of an idea into another's family; undone merges are kept (undone_at).
create table idea_merge (
    id              bigint       primary key,
    family_id       bigint       not null references idea_family (id),
    idea_id         bigint       not null references idea (id),
    into_idea_id    bigint       not null references idea (id),
    previous_status varchar(20)  not null,
    reason          text         not null,
    merged_at       timestamptz  not null,
    merged_by       varchar(200) not null,
    undone_at       timestamptz,
    undone_by       varchar(200),
    undo_reason     text
);
create sequence idea_merge_seq start with 1 increment by 50;
create unique index idea_merge_active_key on idea_merge (idea_id) where undone_at is null;
create index idea_merge_family_idx on idea_merge (family_id);

-- Typed links set by curators: SIMILAR_TO (stored with the lower id first), VARIANT_OF, PART_OF.
create table idea_link (
    id           bigint       primary key,
    from_idea_id bigint       not null references idea (id),
    to_idea_id   bigint       not null references idea (id),
    type         varchar(20)  not null,
    comment      text,
    created_at   timestamptz  not null,
    created_by   varchar(200) not null,
    constraint idea_link_type_check check (type in ('SIMILAR_TO', 'VARIANT_OF', 'PART_OF')),
    constraint idea_link_not_self check (from_idea_id <> to_idea_id),
    constraint idea_link_key unique (from_idea_id, to_idea_id, type)
);
create sequence idea_link_seq start with 1 increment by 50;
create index idea_link_to_idx on idea_link (to_idea_id);

-- Pairs of ideas that look alike, found by the duplicate scan (idea_id is the newer, other_idea_id the older).
create table duplicate_candidate (
    id               bigint        primary key,
    idea_id          bigint        not null references idea (id),
    other_idea_id    bigint        not null references idea (id),
    score            numeric(4, 3) not null,
    title_similarity numeric(4, 3) not null,
    shared_terms     text[]        not null,
    same_area        boolean       not null,
    found_at         timestamptz   not null,
    status           varchar(20)   not null,
    resolution       varchar(20),
    resolved_at      timestamptz,
    resolved_by      varchar(200),
    reason           text,
    version          bigint        not null,
    constraint duplicate_candidate_order check (idea_id > other_idea_id),
    constraint duplicate_candidate_status_check check (status in ('OPEN', 'RESOLVED')),
    constraint duplicate_candidate_key unique (idea_id, other_idea_id)
);
create sequence duplicate_candidate_seq start with 1 increment by 50;
create index duplicate_candidate_open_idx on duplicate_candidate (found_at desc, id desc) where status = 'OPEN';
create index duplicate_candidate_other_idx on duplicate_candidate (other_idea_id);

-- KL's imports: what came in, from whom, and what it did.
create table idea_import (
    id             bigint       primary key,
    format         varchar(10)  not null,
    rows           integer      not null,
    created        integer      not null,
    updated        integer      not null,
    unchanged      integer      not null,
    published      boolean      not null,
    imported_at    timestamptz  not null,
    imported_by    varchar(200) not null,
    imported_by_id varchar(200) not null
);
create sequence idea_import_seq start with 1 increment by 50;
