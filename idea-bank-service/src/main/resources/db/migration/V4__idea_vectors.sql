-- Imports compute the text vectors ahead of writing.
--
-- Turning the texts into vectors (snowball stemming of every word) was two thirds of what PostgreSQL spent on writing
-- an imported idea, all of it in the one connection that writes the import, while the machine's other core waited.
-- The vectors are now ordinary columns, computed by one function: an import has it compute a batch's vectors on a
-- connection of its own while the previous batch is written, and inserts them; anything else that writes an idea
-- (and an insert without vectors) gets them from the trigger, from the same function, whenever the texts change.
-- The vectors are the same as V2 and V3 defined them: head_vector = title A || summary B || title parts D;
-- search_vector = title A || summary B || description C || all compound parts D.

alter table idea alter column head_vector drop expression;
alter table idea alter column search_vector drop expression;

create function raaderum_idea_vectors(title text, summary text, description text, title_parts text,
                                      search_parts text, out head_vector tsvector, out search_vector tsvector)
    language plpgsql immutable parallel safe as $$
declare
    head tsvector := setweight(to_tsvector('danish'::regconfig, title), 'A')
        || setweight(to_tsvector('danish'::regconfig, coalesce(summary, '')), 'B');
begin
    head_vector := head || setweight(to_tsvector('danish'::regconfig, title_parts), 'D');
    search_vector := head || setweight(to_tsvector('danish'::regconfig, coalesce(description, '')), 'C')
        || setweight(to_tsvector('danish'::regconfig, search_parts), 'D');
end
$$;

create function raaderum_idea_vectors_kept() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' and new.head_vector is not null and new.search_vector is not null then
        return new;
    end if;
    if tg_op = 'UPDATE' and (new.title, new.summary, new.description, new.title_parts, new.search_parts)
            is not distinct from (old.title, old.summary, old.description, old.title_parts, old.search_parts) then
        return new;
    end if;
    select v.head_vector, v.search_vector into new.head_vector, new.search_vector
      from raaderum_idea_vectors(new.title, new.summary, new.description, new.title_parts, new.search_parts) v;
    return new;
end
$$;

create trigger idea_vectors before insert or update of title, summary, description, title_parts, search_parts on idea
    for each row execute function raaderum_idea_vectors_kept();

alter table idea alter column head_vector set not null;
alter table idea alter column search_vector set not null;
