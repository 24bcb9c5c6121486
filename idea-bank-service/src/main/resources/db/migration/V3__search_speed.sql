-- Search at 100,000 ideas.
--
-- 1. Ranking reads a small vector of title (A), summary (B) and their compound parts (D), kept in the row (storage
--    main), instead of the whole search vector: the description's words still decide what matches (search_vector and
--    its GIN index), but ranking thousands of hits no longer unpacks every description's positions.
alter table idea add column head_vector tsvector generated always as (
    setweight(to_tsvector('danish'::regconfig, title), 'A')
    || setweight(to_tsvector('danish'::regconfig, coalesce(summary, '')), 'B')
    || setweight(to_tsvector('danish'::regconfig, title_parts), 'D')) stored;
alter table idea alter column head_vector set storage main;
-- look-alikes find their candidates by the same small vector (its lexemes are the key terms), so key_terms goes
create index idea_head_idx on idea using gin (head_vector);
drop index idea_key_terms_idx;
alter table idea drop column key_terms;

-- 2. A narrow row: the long texts and the search vector live in the TOAST table (read for a detail, an export, a
--    snippet or a phrase's recheck), the columns search filters and counts on stay in the row, uncompressed.
alter table idea alter column tags set storage plain;
alter table idea alter column family_municipalities set storage plain;
alter table idea alter column area_code set storage plain;
alter table idea alter column type set storage plain;
alter table idea alter column status set storage plain;
alter table idea set (toast_tuple_target = 512);
-- Tags and municipalities are filtered and counted on the rows the words (or the other filters) found, which are read
-- anyway; their GIN indexes cost a sixth of an import's time and saved a search nothing.
drop index idea_tags_idx;
drop index idea_family_municipalities_idx;

-- 3. The version of what search shows: raised once by every transaction that changes an idea's searchable content,
--    status, family or evidence (at commit, by a deferred trigger), so a search result kept in memory is reused only
--    while no such change has been committed since it was computed.
create table search_version (
    id      integer primary key,
    version bigint  not null
);
insert into search_version (id, version) values (1, 0);

create function raaderum_bump_search_version() returns trigger language plpgsql as $$
begin
    if current_setting('raaderum.search_version_bumped', true) is distinct from 'yes' then
        update search_version set version = version + 1 where id = 1;
        perform set_config('raaderum.search_version_bumped', 'yes', true);
    end if;
    return null;
end
$$;

create constraint trigger idea_search_version
    after insert or delete or update of status, title, summary, description, type, area_code, tags, reduces_service,
        source_municipality, budget_year, price_level_year, amount_year1, amount_year2, amount_year3, amount_year4,
        max_yearly_amount, family_id, family_municipalities, family_size, adoption_count, has_realised_gains,
        search_parts, title_parts, published_at
    on idea deferrable initially deferred
    for each row execute function raaderum_bump_search_version();
