package dk.raaderum.ideabank.repository;

import dk.raaderum.ideabank.domain.IdeaOrigin;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/** What an import needs to know of the ideas it may meet again: by key, their id and content hash, in one query. */
@ApplicationScoped
public class ImportKeyRepository {

    private final Jdbc jdbc;

    public ImportKeyRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** An idea that exists under an import key. */
    public record Known(long id, String contentHash, IdeaOrigin origin) {
    }

    /**
     * The ideas under the keys {@code municipalities[i] | years[i] | keys[i]} (idea_source_key: one index probe per key),
     * by {@code "municipality|year|key"}.
     */
    public Map<String, Known> known(String[] municipalities, Integer[] years, String[] keys) {
        Sql sql = new Sql().append("""
                select k.m || '|' || k.y || '|' || k.s, i.id, i.content_hash, i.origin
                from unnest(?::text[], ?::int[], ?::text[]) as k(m, y, s)
                join idea i on i.source_municipality = k.m and i.budget_year = k.y and i.source_key = k.s""",
                municipalities, years, keys);
        return jdbc.query(sql, rs -> {
            Map<String, Known> known = new HashMap<>();
            while (rs.next()) {
                known.put(rs.getString(1), new Known(rs.getLong(2), rs.getString(3),
                        IdeaOrigin.valueOf(rs.getString(4))));
            }
            return known;
        });
    }
}
