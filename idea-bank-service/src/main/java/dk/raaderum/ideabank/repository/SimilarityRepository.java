package dk.raaderum.ideabank.repository;

import dk.raaderum.ideabank.domain.IdeaStatus;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The look-alike queries: the stemmed key terms of a text (as PostgreSQL's danish configuration makes them, the same
 * way the head_vector column is computed from title, summary and their compound parts), the candidate ideas that share
 * a term or have a similar title (both by GIN index), and the bookkeeping of the duplicate scan.
 */
@ApplicationScoped
public class SimilarityRepository {

    private final Jdbc jdbc;

    public SimilarityRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** An active idea that may resemble another: what the scoring needs. */
    public record Candidate(long id, String title, IdeaStatus status, String municipality, int budgetYear,
            String areaCode, Set<String> keyTerms, double titleSimilarity, Long familyId) {
    }

    /** The stemmed words of a text (stop words left out), sorted. */
    public Set<String> terms(String text) {
        return jdbc.query(new Sql().append("select tsvector_to_array(to_tsvector('danish', ?))", text),
                rs -> rs.next() ? texts(rs.getArray(1)) : new TreeSet<>());
    }

    /** The stored key terms of an idea: the lexemes of its title, summary and their compound parts. */
    public Set<String> termsOf(long ideaId) {
        return jdbc.query(new Sql().append("select tsvector_to_array(head_vector) from idea where id = ?", ideaId),
                rs -> rs.next() ? texts(rs.getArray(1)) : new TreeSet<>());
    }

    /**
     * Active ideas (submitted or published) other than {@code excludeId} and outside {@code familyId} that share one
     * of {@code terms} or whose title is similar to {@code title} (pg_trgm {@code %}), most shared terms first.
     */
    public List<Candidate> candidates(Long excludeId, Long familyId, String[] terms, String title, int limit) {
        Sql sql = new Sql().append("""
                select i.id, i.title, i.status, i.source_municipality, i.budget_year, i.area_code,
                       tsvector_to_array(i.head_vector) as terms, similarity(i.title, ?) as title_similarity, i.family_id
                from idea i
                where i.status in ('SUBMITTED', 'PUBLISHED') and i.id <> ? and (i.family_id is null or i.family_id <> ?)
                  and (i.head_vector @@ array_to_string(array(select quote_literal(t) from unnest(?::text[]) t), ' | ')::tsquery
                       or i.title % ?)
                order by cardinality(array(select unnest(tsvector_to_array(i.head_vector)) intersect
                                           select unnest(?::text[]))) desc, title_similarity desc, i.id desc
                limit ?""", title, excludeId == null ? -1L : excludeId, familyId == null ? -1L : familyId, terms, title,
                terms, limit);
        return jdbc.query(sql, rs -> {
            List<Candidate> found = new ArrayList<>();
            while (rs.next()) {
                found.add(new Candidate(rs.getLong(1), rs.getString(2), IdeaStatus.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getInt(5), rs.getString(6), texts(rs.getArray(7)), rs.getDouble(8),
                        (Long) rs.getObject(9)));
            }
            return found;
        });
    }

    /** Ideas changed since the duplicate scan last compared them, oldest first. */
    public List<Long> unchecked(int limit) {
        return jdbc.query(new Sql().append("""
                select id from idea where status in ('SUBMITTED', 'PUBLISHED')
                  and similarity_checked_version is distinct from version order by id limit ?""", limit), rs -> {
                    List<Long> ids = new ArrayList<>();
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                    return ids;
                });
    }

    /** Notes that the idea was compared at this version (without changing the version). */
    public void markChecked(long ideaId, long version) {
        jdbc.update(new Sql().append("update idea set similarity_checked_version = ? where id = ?", version, ideaId));
    }

    private static Set<String> texts(Array array) throws SQLException {
        return array == null ? new TreeSet<>() : new TreeSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
