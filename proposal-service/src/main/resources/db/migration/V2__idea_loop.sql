-- The idea loop (issue 12): which idea-bank ideas are published, from the idea bank's events, so that a proposal's
-- origin ideaId can be checked and a copy of a withdrawn idea refused; and which copy request made a proposal, so a
-- repeated request answers with the same draft.

create table published_idea (
    idea_id    bigint       primary key,
    version    bigint       not null,
    status     varchar(20)  not null,
    title      varchar(300) not null,
    changed_at timestamptz  not null,
    constraint published_idea_status_check check (status in ('PUBLISHED', 'WITHDRAWN', 'REJECTED', 'MERGED'))
);

alter table proposal add column idea_copy_request uuid;
create unique index proposal_idea_copy_request_key on proposal (idea_copy_request) where idea_copy_request is not null;
create index proposal_origin_idea_idx on proposal (catalog_id, origin_idea_id) where origin_idea_id is not null;
