-- What searching reads, in a table of its own: one small row per idea.
--
-- A common word matches a quarter of the bank, and PostgreSQL reads the heap page of every hit to rank it (a GIN index
-- gives no index-only scans). In the idea row (about 800 bytes: the filter columns, the amounts, the small vector) that
-- was nearly every page of the table, more than the default shared buffers hold at 100,000 ideas: measured on 190,000
-- ideas, "pleje" (45,825 hits) took 105-115 ms to find and rank, a misspelling's trigram search 143-222 ms and a phrase
-- 150 ms; from rows of only the id, the title and the two vectors (out of line), 19-21, 63-73 and 63 ms.
--
-- idea_search holds a copy of each idea's title and vectors, kept by triggers in the same transaction as the idea
-- (so a search's snapshot sees both alike); the idea keeps its columns (details, exports, the vectors' computation).
-- The three GIN indexes move here: full text (search), the small vector and title trigrams (look-alikes).

create table idea_search (
    id            bigint   primary key references idea (id) on delete cascade,
    title         text     not null,
    head_vector   tsvector not null,
    search_vector tsvector not null
) with (toast_tuple_target = 128, fillfactor = 90); -- the vectors compressed, out of line

insert into idea_search (id, title, head_vector, search_vector)
select id, title, head_vector, search_vector from idea;

create index idea_search_words_idx on idea_search using gin (search_vector);
create index idea_search_head_idx on idea_search using gin (head_vector);
create index idea_search_title_trgm_idx on idea_search using gin (title gin_trgm_ops);
drop index idea_search_idx;
drop index idea_head_idx;
drop index idea_title_trgm_idx;

-- Kept per statement from the transition tables, so an import's multi-row inserts (reWriteBatchedInserts) add their
-- rows here in one statement each, not one trigger call per idea; an update that leaves the title and the vectors as
-- they were (a status, a count) writes nothing here. Both run after the vectors are computed (idea_vectors).
create function raaderum_idea_search_added() returns trigger language plpgsql as $$
begin
    insert into idea_search (id, title, head_vector, search_vector)
    select id, title, head_vector, search_vector from added;
    return null;
end
$$;

create function raaderum_idea_search_changed() returns trigger language plpgsql as $$
begin
    update idea_search s set title = a.title, head_vector = a.head_vector, search_vector = a.search_vector
      from after_rows a join before_rows b on b.id = a.id
     where s.id = a.id
       and (a.title, a.head_vector, a.search_vector) is distinct from (b.title, b.head_vector, b.search_vector);
    return null;
end
$$;

create trigger idea_search_added after insert on idea referencing new table as added
    for each statement execute function raaderum_idea_search_added();
create trigger idea_search_changed after update on idea referencing old table as before_rows new table as after_rows
    for each statement execute function raaderum_idea_search_changed();

analyze idea_search;
