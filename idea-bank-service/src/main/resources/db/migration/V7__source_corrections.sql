-- A finance officer's correction of a shared proposal after it was presented (proposal.corrected). A submission still
-- in KL's queue takes the corrected content at once; a curated idea (published or rejected) keeps KL's text and holds
-- the correction here until KL accepts or dismisses it when publishing (POST /api/v1/kl/ideas/{id}/publish,
-- acceptSourceCorrection). source_correction is the corrected content as the idea would take it (JSON).
alter table idea add column source_correction text;
alter table idea add column source_correction_reason text;
alter table idea add column source_corrected_at timestamptz;

-- KL's list of curated ideas with a correction waiting, oldest first
create index idea_source_correction_idx on idea (source_corrected_at, id) where source_correction is not null;
