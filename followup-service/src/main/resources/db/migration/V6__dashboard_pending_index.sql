-- The dashboard and KL's overview sum each initiative's PENDING report slots of a year in one grouped join
-- (FigureRepository.initiativeYears): the pending slots of a municipality and year, with what the sum needs.
create index report_slot_pending_year_idx on report_slot (municipality, year, initiative_id) include (expected)
    where status = 'PENDING';
