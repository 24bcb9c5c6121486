package dk.raaderum.ideabank.repository;

import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.repository.Jdbc.Reads;
import dk.raaderum.ideabank.service.search.SearchModels.MatchedBy;
import dk.raaderum.ideabank.service.search.SearchModels.Query;
import dk.raaderum.platform.events.ProposalType;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The search of the idea bank in PostgreSQL, read-only and without entities: which ideas match (full text with the
 * {@code danish} configuration over every text, or titles spelt alike with pg_trgm), one page of them in order, their
 * display fields with highlighted title and snippet, and the facet counts of all of them. Hits are found by the GIN
 * indexes (search_vector, title) and ranked by title, summary and their compound parts (head_vector, kept in the
 * narrow row); ideas that match only in the description follow, newest first. See the migrations V2 and V3.
 */
@ApplicationScoped
public class IdeaSearchRepository {

    /** Private-use characters around highlighted words; the service escapes the text, then turns them into marks. */
    public static final char MARK_START = '\uE000';
    public static final char MARK_END = '\uE001';
    private static final String HEADLINE = "'StartSel=\"" + MARK_START + "\", StopSel=\"" + MARK_END + "\", ";

    private final Jdbc jdbc;

    public IdeaSearchRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A hit: the idea and its score (text rank, spelling likeness, or 0 without words). */
    public record Hit(long id, double score) {
    }

    /** What a hit shows. */
    public record HitRow(long id, String title, String titleHighlighted, String snippet, ProposalType type,
            String areaCode, List<String> tags, String municipality, int municipalityCount, int budgetYear,
            Integer priceLevelYear, Long[] amounts, boolean reducesService, int adoptionCount, boolean hasRealisedGains,
            int familySize, IdeaStatus status, Instant publishedAt) {
    }

    /** The version of what search shows (raised at the commit of every change to a searchable idea). */
    public long version() {
        return jdbc.query(new Sql().append("select version from search_version where id = 1"),
                rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    /** Runs the statements of one search in one snapshot; {@code indexScans} for searches by words (see Jdbc). */
    public <T> T snapshot(boolean indexScans, Function<Reads, T> work) {
        return jdbc.snapshot(indexScans, work);
    }

    /** True when the words give a text query at all (not only stop words or punctuation). */
    public boolean hasLexemes(Reads reads, String words) {
        return reads.query(new Sql().append("select numnode(websearch_to_tsquery('danish', ?)) > 0", words),
                rs -> rs.next() && rs.getBoolean(1));
    }

    /** One page of hits in the query's order. */
    public List<Hit> page(Reads reads, Query query, MatchedBy mode) {
        Sql sql = new Sql().append("select i.id, ").append(score(query, mode)).append(" as score from idea i where ")
                .append(conditions(query, mode)).append(" order by ").append(order(query, mode))
                .append(" limit ? offset ?", query.size(), (long) query.page() * query.size());
        return reads.query(sql, rs -> {
            List<Hit> hits = new ArrayList<>();
            while (rs.next()) {
                hits.add(new Hit(rs.getLong(1), rs.getDouble(2)));
            }
            return hits;
        });
    }

    /** The display fields of the hits, highlighted for the words when there are any (full text only). */
    public Map<Long, HitRow> rows(Reads reads, List<Long> ids, String words) {
        boolean marks = words != null;
        Sql sql = new Sql().append("""
                select i.id, i.title, i.summary, i.type, i.area_code, i.tags, i.source_municipality,
                       cardinality(i.family_municipalities), i.budget_year, i.price_level_year, i.amount_year1,
                       i.amount_year2, i.amount_year3, i.amount_year4, i.reduces_service, i.adoption_count,
                       i.has_realised_gains, i.family_size, i.status, i.published_at""");
        if (marks) {
            sql.append(", ts_headline('danish', i.title, q, " + HEADLINE + "HighlightAll=true')")
                    .append(", ts_headline('danish', coalesce(i.summary, '') || ' ' || coalesce(i.description, ''), q, "
                            + HEADLINE + "MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"')")
                    .append(" from idea i, websearch_to_tsquery('danish', ?) q", words);
        } else {
            sql.append(" from idea i");
        }
        sql.append(" where i.id = any(?)", (Object) ids.toArray(Long[]::new));
        return reads.query(sql, rs -> {
            Map<Long, HitRow> rows = new LinkedHashMap<>();
            while (rs.next()) {
                rows.put(rs.getLong(1), hitRow(rs, marks));
            }
            return rows;
        });
    }

    private static HitRow hitRow(ResultSet rs, boolean marks) throws SQLException {
        String summary = rs.getString(3);
        Timestamp published = rs.getTimestamp(20);
        return new HitRow(rs.getLong(1), rs.getString(2), marks ? rs.getString(21) : null,
                marks ? rs.getString(22) : summary, ProposalType.valueOf(rs.getString(4)), rs.getString(5),
                texts(rs.getArray(6)), rs.getString(7), rs.getInt(8), rs.getInt(9), (Integer) rs.getObject(10),
                new Long[] { (Long) rs.getObject(11), (Long) rs.getObject(12), (Long) rs.getObject(13),
                        (Long) rs.getObject(14) }, rs.getBoolean(15), rs.getInt(16), rs.getBoolean(17), rs.getInt(18),
                IdeaStatus.valueOf(rs.getString(19)), published == null ? null : published.toInstant());
    }

    /** Per facet (area, type, municipality, budgetYear, tag, reducesService, hasRealisedGains): value → hits. */
    public Map<String, Map<String, Long>> facets(Reads reads, Query query, MatchedBy mode) {
        Sql sql = new Sql().append("with hits as (select i.area_code, i.type, i.budget_year, i.reduces_service,"
                + " i.has_realised_gains, i.tags, i.family_municipalities from idea i where ")
                .append(conditions(query, mode)).append("""
                )
                select 'area', area_code, count(*) from hits group by area_code
                union all select 'type', type, count(*) from hits group by type
                union all select 'budgetYear', budget_year::text, count(*) from hits group by budget_year
                union all select 'reducesService', reduces_service::text, count(*) from hits group by reduces_service
                union all select 'hasRealisedGains', has_realised_gains::text, count(*) from hits group by has_realised_gains
                union all select 'municipality', m, count(*) from hits, unnest(family_municipalities) m group by m
                union all (select 'tag', t, count(*) from hits, unnest(tags) t group by t order by 3 desc, 2 limit 50)""");
        return reads.query(sql, rs -> {
            Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
            while (rs.next()) {
                facets.computeIfAbsent(rs.getString(1), f -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
            }
            return facets;
        });
    }

    private static Sql score(Query query, MatchedBy mode) {
        return switch (mode) {
            case FULL_TEXT -> new Sql().append("ts_rank(i.head_vector, websearch_to_tsquery('danish', ?), 1)",
                    query.words());
            case SIMILAR_SPELLING -> new Sql().append("word_similarity(?, i.title)", query.words());
            case FILTERS -> new Sql().append("0");
        };
    }

    private static Sql conditions(Query query, MatchedBy mode) {
        Sql where = new Sql().append("i.status = any(?)",
                (Object) query.statuses().stream().map(Enum::name).toArray(String[]::new));
        switch (mode) {
            case FULL_TEXT -> where.append(" and i.search_vector @@ websearch_to_tsquery('danish', ?)", query.words());
            case SIMILAR_SPELLING -> where.append(" and ? <% i.title", query.words());
            case FILTERS -> {
            }
        }
        if (!query.areas().isEmpty()) {
            where.append(" and i.area_code = any(?)", (Object) query.areas().toArray(String[]::new));
        }
        if (!query.types().isEmpty()) {
            where.append(" and i.type = any(?)", (Object) query.types().stream().map(Enum::name).toArray(String[]::new));
        }
        if (!query.municipalities().isEmpty()) {
            where.append(" and i.family_municipalities && ?", (Object) query.municipalities().toArray(String[]::new));
        }
        if (!query.budgetYears().isEmpty()) {
            where.append(" and i.budget_year = any(?)", (Object) query.budgetYears().toArray(Integer[]::new));
        }
        if (!query.tags().isEmpty()) {
            where.append(" and i.tags @> ?", (Object) query.tags().toArray(String[]::new));
        }
        if (query.reducesService() != null) {
            where.append(" and i.reduces_service = ?", query.reducesService());
        }
        if (query.hasRealisedGains() != null) {
            where.append(" and i.has_realised_gains = ?", query.hasRealisedGains());
        }
        return where;
    }

    private static String order(Query query, MatchedBy mode) {
        boolean published = query.statuses().equals(Set.of(IdeaStatus.PUBLISHED));
        String newest = published ? "i.published_at desc, i.id desc"
                : "coalesce(i.published_at, i.created_at) desc, i.id desc";
        return switch (query.sort()) {
            case RELEVANCE -> mode == MatchedBy.FILTERS ? newest : "score desc, " + newest;
            case NEWEST -> newest;
            case MOST_ADOPTED -> "i.adoption_count desc, score desc, i.id desc";
            case LARGEST_AMOUNT -> "i.max_yearly_amount desc nulls last, i.id desc";
        };
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
