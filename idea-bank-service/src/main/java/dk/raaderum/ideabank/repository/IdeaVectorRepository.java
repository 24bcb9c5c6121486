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

    private static String[] column(List<Texts> texts, Function<Texts, String> field) {
        return texts.stream().map(field).toArray(String[]::new);
    }
}
