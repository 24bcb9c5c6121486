-- The history of a proposal's content (issue 14): every creation, edit and correction with who, in which role, when
-- and which fields changed from what to what; and per user when a catalog was last seen ("what changed since").
-- Workflow steps stay in proposal_transition.

create table proposal_change (
    id          bigint       primary key,
    proposal_id bigint       not null references proposal (id),
    catalog_id  bigint       not null references catalog (id),
    kind        varchar(20)  not null,
    status      varchar(20)  not null,
    actor_id    varchar(200) not null,
    actor_name  varchar(200) not null,
    actor_role  varchar(50),
    at          timestamptz  not null,
    comment     text,
    constraint proposal_change_kind_check check (kind in ('CREATED', 'EDIT', 'CORRECTION'))
);
create sequence proposal_change_seq start with 1 increment by 50;
-- a proposal's timeline (newest first) and its corrections
create index proposal_change_proposal_idx on proposal_change (proposal_id, at);
-- what changed in a catalog since
create index proposal_change_catalog_idx on proposal_change (catalog_id, at);
-- transitions of a catalog since (joined to proposal by id)
create index proposal_transition_at_idx on proposal_transition (at);

create table proposal_change_field (
    change_id bigint       not null references proposal_change (id),
    position  int          not null,
    field     varchar(100) not null,
    old_value text,
    new_value text,
    primary key (change_id, position)
);

-- Proposals written before the history existed: their creation, from the first workflow step, without fields.
insert into proposal_change (id, proposal_id, catalog_id, kind, status, actor_id, actor_name, actor_role, at, comment)
select nextval('proposal_change_seq'), t.proposal_id, p.catalog_id, 'CREATED', 'DRAFT', t.actor_id, t.actor_name, null,
       t.at, t.comment
from proposal_transition t
join proposal p on p.id = t.proposal_id
where t.from_status is null;

create table catalog_seen (
    catalog_id bigint       not null references catalog (id),
    user_id    varchar(200) not null,
    seen_at    timestamptz  not null,
    primary key (catalog_id, user_id)
);
