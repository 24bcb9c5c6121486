-- Free text finds an idea by its tags ("velfærdsteknologi" found only with tag=, not with q=): the tags join the
-- compound parts of the texts in search_parts, weight D of search_vector (IdeaWriter.parts). Ideas stored before get
-- their tags appended here; the trigger of V4 computes their vectors again and V6's raises the text version, so kept
-- search results are recomputed. The compound parts of a tag are added the next time the idea's content changes.
update idea set search_parts = concat_ws(' ', nullif(search_parts, ''), array_to_string(tags, ' '))
 where cardinality(tags) > 0;
