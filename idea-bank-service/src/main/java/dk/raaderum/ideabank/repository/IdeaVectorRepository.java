package dk.raaderum.ideabank.repository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The text vectors of ideas not yet written, computed by PostgreSQL's {@code raaderum_idea_vectors} (V4), the same
 * function the trigger uses for every other write: an import has a batch's vectors computed here, on a connection of
 * its own, while the previous batch is written.
 */
@ApplicationScoped
public class IdeaVectorRepository {

    private final Jdbc jdbc;

    public IdeaVectorRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The texts an idea's vectors are made from. */
    public record Texts(String title, String summary, String description, String titleParts, String searchParts) {
    }

    /** An idea's vectors, in PostgreSQL's text form. */
    public record Vectors(String head, String search) {
    }

    /** The vectors of each of the texts, in their order. */
    public List<Vectors> vectors(List<Texts> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return jdbc.query(new Sql().append("""
                select v.head_vector::text, v.search_vector::text
                  from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                       with ordinality as t(title, summary, description, title_parts, search_parts, n),
                       raaderum_idea_vectors(t.title, t.summary, t.description, t.title_parts, t.search_parts) v
                 order by t.n""", column(texts, Texts::title), column(texts, Texts::summary),
                column(texts, Texts::description), column(texts, Texts::titleParts), column(texts, Texts::searchParts)),
                rs -> {
                    List<Vectors> vectors = new ArrayList<>(texts.size());
                    while (rs.next()) {
                        vectors.add(new Vectors(rs.getString(1), rs.getString(2)));
                    }
                    return vectors;
                });
    }

    /**
     * Moves what writes left in the pending lists of the ideas' GIN indexes (PostgreSQL's fastupdate) into the indexes
     * themselves, as autovacuum would later: until then every search reads the whole pending list (up to 4 MB an index
     * after a large import), and a word in a quarter of the bank cost twice as much right after a 90,000-row import.
     * Returns the pending-list pages merged.
     */
    public long mergePendingIndexEntries() {
        return jdbc.query(new Sql().append("""
                select coalesce(sum(gin_clean_pending_list(i.indexrelid)), 0)
                  from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
                 where i.indrelid = 'idea'::regclass and a.amname = 'gin'"""), rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    private static String[] column(List<Texts> texts, Function<Texts, String> field) {
        return texts.stream().map(field).toArray(String[]::new);
    }
}
