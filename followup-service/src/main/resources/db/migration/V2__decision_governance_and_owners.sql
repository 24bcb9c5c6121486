-- Decisions with governance: which body decided (the shared ResponsibleBody vocabulary of platform/contracts; a
-- decision is taken by the council, the finance committee, a standing committee named in deciding_body_name, or the
-- executive board) and where (the meeting and item). TERMINATE, ADJUST and SCALE_UP carry them from now on; decisions
-- recorded before keep null.
alter table initiative_decision
    add column deciding_body      varchar(20),
    add column deciding_body_name varchar(200),
    add column decision_reference varchar(300),
    add constraint initiative_decision_deciding_body_check
        check (deciding_body in ('COUNCIL', 'FINANCE_COMMITTEE', 'STANDING_COMMITTEE', 'EXECUTIVE_BOARD')),
    add constraint initiative_decision_reference_check
        check ((deciding_body is null) = (decision_reference is null));

-- The "needs an owner" list: active initiatives of a municipality without an owner login, by catalog year and area.
create index initiative_needs_owner_idx on initiative (municipality, catalog_year, area_code, id)
    where owner_username is null and status = 'ACTIVE';
