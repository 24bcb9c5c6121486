-- Search keeps which ideas match which words (and their rank) under the version of the texts, not of everything.
--
-- A word's matches depend only on the ideas' texts: status, family, evidence and the other facets are applied in
-- memory (SearchIndex). Publishing, curating, and the idea loop's counts raise search_version.version (every kept
-- result is recomputed) but no longer text_version, so the words' matches are reused; an idea added, removed or with
-- a changed text raises both.

alter table search_version add column text_version bigint not null default 0;

create function raaderum_bump_text_version() returns trigger language plpgsql as $$
begin
    if current_setting('raaderum.text_version_bumped', true) is distinct from 'yes' then
        update search_version set text_version = text_version + 1 where id = 1;
        perform set_config('raaderum.text_version_bumped', 'yes', true);
    end if;
    return null;
end
$$;

create constraint trigger idea_text_version_rows
    after insert or delete on idea deferrable initially deferred
    for each row execute function raaderum_bump_text_version();

-- Hibernate writes every column of a changed idea: only a real change of a text counts
create constraint trigger idea_text_version_texts
    after update of title, summary, description, search_parts, title_parts on idea deferrable initially deferred
    for each row
    when (old.title is distinct from new.title or old.summary is distinct from new.summary
          or old.description is distinct from new.description or old.search_parts is distinct from new.search_parts
          or old.title_parts is distinct from new.title_parts)
    execute function raaderum_bump_text_version();
