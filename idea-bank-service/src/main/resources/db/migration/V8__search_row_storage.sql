-- Search at 100,000 ideas: the title stays in the row.
--
-- With toast_tuple_target = 512 (V3) PostgreSQL moves every text of storage "extended" out of a row still longer than
-- 512 bytes, the title too (a title is longer than a TOAST pointer): at 100,000 imported ideas every title lived in
-- the TOAST table, and a search for a misspelling read each candidate's title from there twice (the <% filter and
-- word_similarity): "hjemmeplejn" read 33,336 buffers for 4,128 candidates. Storage "main" keeps the title in the row
-- (PostgreSQL moves it out only if the row would not fit a page; a title is at most 300 characters): 3,581 buffers.
-- An import also writes one TOAST value less per idea.
alter table idea alter column title set storage main;
-- ideas whose title lives in the TOAST table get it back in the row (a value computed anew is stored anew)
update idea set title = title || '' where pg_column_size(title) < octet_length(title);
