package dk.raaderum.ideabank.repository;

import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.repository.Jdbc.Reads;
import dk.raaderum.platform.events.ProposalType;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search of the idea bank in PostgreSQL, read-only and without entities: which ideas match the words and how well
 * (full text with the {@code danish} configuration over every text), every title (in which the service looks for
 * words spelt alike), the fields every idea is filtered, counted and ordered by (read once per search version), and the
 * display fields of one page with highlighted title and snippet. Hits are found by the GIN index on search_vector and
 * ranked by title, summary and their compound parts (head_vector, kept in the narrow row); ideas that match only in the description
 * rank 0. See the migrations V2 and V3.
 */
@ApplicationScoped
public class IdeaSearchRepository {

    /** Private-use characters around highlighted words; the service escapes the text, then turns them into marks. */
    public static final char MARK_START = '\uE000';
    public static final char MARK_END = '\uE001';
    private static final String HEADLINE = "'StartSel=\"" + MARK_START + "\", StopSel=\"" + MARK_END + "\", ";

    /** A tsquery's text of one word, alone or and-ed with exclusions: {@code 'plej' & !'hjem'}. */
    private static final Pattern ONE_WORD = Pattern.compile("'((?:[^']|'')*)'((?: & !'(?:[^']|'')*')*)");
    /** A tsquery's negation operator (before a quoted lexeme or a parenthesised phrase), outside any lexeme. */
    private static final Pattern NEGATION = Pattern.compile("(?:^|[\\s(&|])!\\s*['(]");
    /** One exclusion of {@link #ONE_WORD}'s: {@code  & !'hjem'}. */
    private static final Pattern EXCLUDED = Pattern.compile(" & !'((?:[^']|'')*)'");

    private final Jdbc jdbc;

    public IdeaSearchRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** What a hit shows. */
    public record HitRow(long id, String title, String titleHighlighted, String snippet, ProposalType type,
            String areaCode, List<String> tags, String municipality, int municipalityCount, int budgetYear,
            Integer priceLevelYear, Long[] amounts, boolean reducesService, int adoptionCount, boolean hasRealisedGains,
            int familySize, IdeaStatus status, Instant publishedAt, BigDecimal realisationRatio, BigDecimal provenScore) {
    }

    /** The version of what search shows (raised at the commit of every change to a searchable idea). */
    public long version() {
        return jdbc.query(versionSql(), rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    private static Sql versionSql() {
        return new Sql().append("select version from search_version where id = 1");
    }

    /** The version the snapshot sees. */
    public long version(Reads reads) {
        return reads.query(versionSql(), rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    /** The version of the texts the snapshot sees (search_version.text_version, raised by V6's triggers). */
    public long textVersion(Reads reads) {
        return reads.query(new Sql().append("select text_version from search_version where id = 1"),
                rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    /** Runs the statements of one search in one snapshot. */
    public <T> T snapshot(Function<Reads, T> work) {
        return jdbc.snapshot(work);
    }

    /**
     * What the words give as a text query: whether any word is left (not only stop words or punctuation), and, when the
     * query is one word (lexeme) alone or with exclusions only ({@code pleje -hjem}), that word and the excluded ones;
     * {@code negates} when the query excludes anything ({@code -word}, {@code -"a phrase"}), in whatever shape.
     */
    public record TextQuery(boolean hasLexemes, String singleWord, List<String> excluded, boolean negates) {

        static final TextQuery NONE = new TextQuery(false, null, List.of(), false);

        public boolean exclusions() {
            return !excluded.isEmpty();
        }
    }

    public TextQuery textQuery(Reads reads, String words) {
        return reads.query(new Sql().append(
                "select numnode(q), q::text from websearch_to_tsquery('danish', ?) q", words), rs -> {
                    if (!rs.next() || rs.getInt(1) == 0) {
                        return TextQuery.NONE;
                    }
                    String tsquery = rs.getString(2);
                    boolean negates = NEGATION.matcher(tsquery).find();
                    Matcher oneWord = ONE_WORD.matcher(tsquery);
                    if (!oneWord.matches()) {
                        return new TextQuery(true, null, List.of(), negates);
                    }
                    List<String> excluded = new ArrayList<>();
                    Matcher exclusion = EXCLUDED.matcher(oneWord.group(2));
                    while (exclusion.find()) {
                        excluded.add(lexeme(exclusion.group(1)));
                    }
                    return new TextQuery(true, lexeme(oneWord.group(1)), List.copyOf(excluded), negates);
                });
    }

    /** A lexeme as a tsquery's text writes it between quotes (quotes and backslashes doubled). */
    private static String lexeme(String quoted) {
        return quoted.replace("''", "'").replace("\\\\", "\\");
    }

    /**
     * Ideas that match the words, whatever their status, with their text rank. A query of one word ranks only the
     * hits whose small vector has it (the others rank 0 anyway): for a common word half the hits match only in the
     * description, and ts_rank sorts the query's words anew for every row it ranks.
     */
    public Scored textHits(Reads reads, String words) {
        reads.indexScansOnly();
        return scored(reads, new Sql().append("""
                select i.id, case when numnode(q) > 1 or i.head_vector @@ q then ts_rank(i.head_vector, q, 1)
                                  else 0::real end
                  from idea i, websearch_to_tsquery('danish', ?) q where i.search_vector @@ q""", words));
    }

    /** A text of every idea, by id. */
    public record Texts(long[] ids, String[] texts) {
    }

    /** Every idea's small vector as text ({@code head_vector::text}), by id. */
    public Texts headVectors(Reads reads) {
        return texts(reads, "select id, head_vector::text from idea order by id");
    }

    /** Every idea's title, by id (what spelling is looked up in). */
    public Texts titles(Reads reads) {
        return texts(reads, "select id, title from idea order by id");
    }

    /** A row of an idea's id and one of its texts. */
    @FunctionalInterface
    public interface TextRow {
        void accept(long id, String text);
    }

    /**
     * Every idea's words, the lexemes of its whole vector without positions ({@code strip(search_vector)::text}), row by
     * row in ascending id order (read in chunks, never all at once).
     */
    public void searchWords(Reads reads, TextRow row) {
        reads.query(new Sql().append("select id, strip(search_vector)::text from idea order by id"), rs -> {
            while (rs.next()) {
                row.accept(rs.getLong(1), rs.getString(2));
            }
            return null;
        });
    }

    private static Texts texts(Reads reads, String sql) {
        return reads.query(new Sql().append(sql), rs -> {
            long[] ids = new long[1024];
            List<String> texts = new ArrayList<>();
            while (rs.next()) {
                if (texts.size() == ids.length) {
                    ids = Arrays.copyOf(ids, ids.length * 2);
                }
                ids[texts.size()] = rs.getLong(1);
                texts.add(rs.getString(2));
            }
            return new Texts(Arrays.copyOf(ids, texts.size()), texts.toArray(String[]::new));
        });
    }

    /** Ideas by id with a score each. */
    public record Scored(long[] ids, float[] scores) {
    }

    private static Scored scored(Reads reads, Sql sql) {
        return reads.query(sql, rs -> {
            long[] ids = new long[256];
            float[] scores = new float[256];
            int n = 0;
            while (rs.next()) {
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, n * 2);
                    scores = Arrays.copyOf(scores, n * 2);
                }
                ids[n] = rs.getLong(1);
                scores[n++] = rs.getFloat(2);
            }
            return new Scored(Arrays.copyOf(ids, n), Arrays.copyOf(scores, n));
        });
    }

    /** What search filters, counts and orders an idea by. */
    public record Digest(long id, IdeaStatus status, ProposalType type, String areaCode, int budgetYear,
            boolean reducesService, boolean hasRealisedGains, Instant publishedAt, Instant createdAt,
            Long maxYearlyAmount, int adoptionCount, String[] municipalities, String[] tags,
            BigDecimal realisationRatio, BigDecimal provenScore) {
    }

    /** Every idea's digest, by id. */
    public List<Digest> digests(Reads reads) {
        return reads.query(new Sql().append("""
                select id, status, type, area_code, budget_year, reduces_service, has_realised_gains, published_at,
                       created_at, max_yearly_amount, adoption_count, family_municipalities, tags,
                       realisation_ratio, proven_score
                  from idea order by id"""), rs -> {
            List<Digest> digests = new ArrayList<>();
            while (rs.next()) {
                Timestamp published = rs.getTimestamp(8);
                digests.add(new Digest(rs.getLong(1), IdeaStatus.valueOf(rs.getString(2)),
                        ProposalType.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5), rs.getBoolean(6),
                        rs.getBoolean(7), published == null ? null : published.toInstant(),
                        rs.getTimestamp(9).toInstant(), (Long) rs.getObject(10), rs.getInt(11),
                        (String[]) rs.getArray(12).getArray(), (String[]) rs.getArray(13).getArray(),
                        rs.getBigDecimal(14), rs.getBigDecimal(15)));
            }
            return digests;
        });
    }

    /** The display fields of the hits, highlighted for the words when there are any (full text only). */
    public Map<Long, HitRow> rows(Reads reads, List<Long> ids, String words) {
        boolean marks = words != null;
        Sql sql = new Sql().append("""
                select i.id, i.title, i.summary, i.type, i.area_code, i.tags, i.source_municipality,
                       cardinality(i.family_municipalities), i.budget_year, i.price_level_year, i.amount_year1,
                       i.amount_year2, i.amount_year3, i.amount_year4, i.reduces_service, i.adoption_count,
                       i.has_realised_gains, i.family_size, i.status, i.published_at, i.realisation_ratio,
                       i.proven_score""");
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
        return new HitRow(rs.getLong(1), rs.getString(2), marks ? rs.getString(23) : null,
                marks ? rs.getString(24) : summary, ProposalType.valueOf(rs.getString(4)), rs.getString(5),
                texts(rs.getArray(6)), rs.getString(7), rs.getInt(8), rs.getInt(9), (Integer) rs.getObject(10),
                new Long[] { (Long) rs.getObject(11), (Long) rs.getObject(12), (Long) rs.getObject(13),
                        (Long) rs.getObject(14) }, rs.getBoolean(15), rs.getInt(16), rs.getBoolean(17), rs.getInt(18),
                IdeaStatus.valueOf(rs.getString(19)), published == null ? null : published.toInstant(),
                rs.getBigDecimal(21), rs.getBigDecimal(22));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
