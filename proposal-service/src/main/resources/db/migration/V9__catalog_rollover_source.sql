-- A catalog made by a rollover (POST …/catalogs/{id}/rollover) names the catalog it was made from; the source finds
-- its successor through the same column (rolledOverTo in the catalog view). Catalogs from before, or made by hand,
-- have none. A catalog is rolled over once: the next budget year has one catalog per municipality.
alter table catalog add column rolled_over_from_id bigint references catalog (id);
create unique index catalog_rolled_over_from_key on catalog (rolled_over_from_id) where rolled_over_from_id is not null;
