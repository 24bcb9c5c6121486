-- Search keeps which ideas match which words (and their rank) under the version of the texts, not of everything.
--
-- A word's matches depend only on the ideas' texts: status, family, evidence and the other facets are applied in
-- memory (SearchIndex). Publishing, curating, and the idea loop's counts raise search_version.version (every kept
-- result is recomputed) but no longer text_version, so the words' matches are reused; an idea added, removed or with
-- a changed text raises both. The one deferred trigger of V3/V5 raises both, once per transaction each, so an import
-- pays no second trigger per row. Hibernate writes every column of a changed idea: only a real change of a text counts.

alter table search_version add column text_version bigint not null default 0;

create or replace function raaderum_bump_search_version() returns trigger language plpgsql as $$
declare
    texts_changed boolean;
begin
    if current_setting('raaderum.search_version_bumped', true) is distinct from 'yes' then
        update search_version set version = version + 1 where id = 1;
        perform set_config('raaderum.search_version_bumped', 'yes', true);
    end if;
    if current_setting('raaderum.text_version_bumped', true) is distinct from 'yes' then
        if tg_op = 'UPDATE' then
            texts_changed := old.title is distinct from new.title or old.summary is distinct from new.summary
                or old.description is distinct from new.description or old.search_parts is distinct from new.search_parts
                or old.title_parts is distinct from new.title_parts;
        else
            texts_changed := true;
        end if;
        if texts_changed then
            update search_version set text_version = text_version + 1 where id = 1;
            perform set_config('raaderum.text_version_bumped', 'yes', true);
        end if;
    end if;
    return null;
end
$$;
