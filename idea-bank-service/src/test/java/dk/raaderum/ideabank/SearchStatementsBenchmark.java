package dk.raaderum.ideabank;

import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.service.demo.ReviewFiles;
import dk.raaderum.ideabank.service.search.IdeaSearch;
import dk.raaderum.ideabank.service.search.SearchModels.Query;
import dk.raaderum.ideabank.service.search.SearchModels.Result;
import dk.raaderum.ideabank.service.search.SearchModels.Sort;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.infra.ProcFiles;
import dk.raaderum.platform.testing.Latencies;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

/**
 * {@code ./mvnw verify -Pbenchmark -pl idea-bank-service -Dtest=SearchStatementsBenchmark}: one 100,000-row import,
 * then the statements of one search taken apart at 100,000 ideas: each statement the search issues timed over JDBC
 * (as the search runs it: one repeatable-read snapshot, custom plans, no JIT) and explained with
 * {@code EXPLAIN (ANALYZE, BUFFERS)}, next to the whole search computed anew ({@link IdeaSearch#compute}). Prints its
 * numbers; asserts nothing about speed. Where the time of a search goes, in a few minutes instead of the full
 * benchmark's quarter of an hour.
 */
@QuarkusTest
@TestProfile(IdeaBankBenchmark.Quiet.class)
class SearchStatementsBenchmark {

    private static final int RUNS = 30;
    private static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("pleje", null);
        WORDS.put("digital selvbetjening", null);
        WORDS.put("\"fælles indkøb\"", null);
        WORDS.put("energi", "bygninger");
        WORDS.put("hjem", null);
        WORDS.put("hjemmeplejn", null);
    }

    @Inject
    IdeaSearch search;

    @Inject
    DataSource dataSource;

    @Test
    void statementsOfOneSearch() throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "idea-statements");
        System.out.printf("%nSearchStatementsBenchmark (%d cores, load %s)%n",
                Runtime.getRuntime().availableProcessors(), ProcFiles.loadAverage());
        IdeaBankBenchmark.importFile(ReviewFiles.csv(dir, 100_000, 1, 10));
        System.out.println("  tables: " + tables());
        for (Map.Entry<String, String> entry : WORDS.entrySet()) {
            measure(entry.getKey(), entry.getValue());
        }
        System.out.printf("  load %s%n", ProcFiles.loadAverage());
    }

    private void measure(String words, String area) throws SQLException {
        Query query = new Query(words, area == null ? Set.of() : Set.of(area),
                area == null ? Set.of() : Set.of(ProposalType.INVESTMENT), Set.of(), Set.of(), Set.of(), null, null,
                null, null, Set.of(IdeaStatus.PUBLISHED), Sort.RELEVANCE, 0, 20);
        Result first = search.search(query);
        Latencies whole = Latencies.time(RUNS, RUNS, () -> search.compute(query));
        System.out.printf("%n  == %s%s: %d hits (%s); compute %s%n", words, area == null ? "" : " + " + area
                + " + INVESTMENT", first.total(), first.matchedBy(), millis(whole));
        List<Long> page = first.items().stream().map(i -> i.id()).toList();
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("version", "select version from search_version where id = 1");
        statements.put("hasLexemes", "select numnode(websearch_to_tsquery('danish', ?)) > 0");
        statements.put("textHits", "select i.id, case when numnode(q) > 1 or i.head_vector @@ q"
                + " then ts_rank(i.head_vector, q, 1) else 0::real end from idea i,"
                + " websearch_to_tsquery('danish', ?) q where i.search_vector @@ q");
        statements.put("textHits ranking all", "select i.id, ts_rank(i.head_vector, q, 1) from idea i,"
                + " websearch_to_tsquery('danish', ?) q where i.search_vector @@ q");
        statements.put("textHits ids only", "select i.id from idea i, websearch_to_tsquery('danish', ?) q"
                + " where i.search_vector @@ q");
        // what the spelling's index reads once per version of the texts (the misspelling is then looked up in memory)
        statements.put("titles", "select id, title from idea order by id");
        statements.put("rows (page, headlines)", """
                select i.id, i.title, i.summary, i.type, i.area_code, i.tags, i.source_municipality,
                       cardinality(i.family_municipalities), i.budget_year, i.price_level_year, i.amount_year1,
                       i.amount_year2, i.amount_year3, i.amount_year4, i.reduces_service, i.adoption_count,
                       i.has_realised_gains, i.family_size, i.status, i.published_at, i.realisation_ratio,
                       i.proven_score, ts_headline('danish', i.title, q, 'HighlightAll=true'),
                       ts_headline('danish', coalesce(i.summary, '') || ' ' || coalesce(i.description, ''), q,
                       'MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
                  from idea i, websearch_to_tsquery('danish', ?) q where i.id = any(?)""");
        for (Map.Entry<String, String> statement : statements.entrySet()) {
            time(statement.getKey(), statement.getValue(), words, page);
        }
        System.out.printf("    textHits ranks as ranking all: %s%n", ranks(statements.get("textHits"), words)
                .equals(ranks(statements.get("textHits ranking all"), words)));
    }

    private Map<Long, Float> ranks(String sql, String words) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = prepare(c, sql, words, List.of());
                ResultSet rs = statement.executeQuery()) {
            Map<Long, Float> ranks = new java.util.HashMap<>();
            while (rs.next()) {
                ranks.put(rs.getLong(1), rs.getFloat(2));
            }
            return ranks;
        }
    }

    /** One statement as the search runs it, timed, then explained once. */
    private void time(String name, String sql, String words, List<Long> page) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try (Statement s = c.createStatement()) {
                s.execute("set local plan_cache_mode = force_custom_plan");
                s.execute("set local jit = off");
                if (name.startsWith("textHits")) {
                    s.execute("set local enable_seqscan = off");
                }
            }
            long[] nanos = new long[RUNS];
            int rows = 0;
            for (int run = -RUNS; run < RUNS; run++) {
                long started = System.nanoTime();
                rows = run(c, sql, words, page);
                if (run >= 0) {
                    nanos[run] = System.nanoTime() - started;
                }
            }
            System.out.printf("    %-24s %6d rows  JDBC %s%n", name, rows, millis(Latencies.of(nanos)));
            if (!name.equals("version")) {
                explain(c, sql, words, page);
            }
            c.rollback();
        }
    }

    private static int run(Connection c, String sql, String words, List<Long> page) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, words, page)) {
            statement.setFetchSize(5000);
            try (ResultSet rs = statement.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                }
                return rows;
            }
        }
    }

    private static void explain(Connection c, String sql, String words, List<Long> page) throws SQLException {
        try (PreparedStatement statement = prepare(c, "explain (analyze, buffers) " + sql, words, page);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                System.out.println("        " + rs.getString(1));
            }
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, String words, List<Long> page)
            throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        int parameters = statement.getParameterMetaData().getParameterCount();
        for (int p = 1; p <= parameters; p++) {
            if (sql.contains("any(?)") && p == parameters) {
                statement.setArray(p, c.createArrayOf("bigint", page.toArray()));
            } else {
                statement.setString(p, words);
            }
        }
        return statement;
    }

    /** The table's size and how its search columns are stored (inline, compressed, in the TOAST table). */
    private String tables() throws SQLException {
        String sql = """
                select format('heap %s (%s pages), toast %s, indexes %s; live %s dead %s autovacuum %s autoanalyze %s;'
                       || ' toast compression %s (lz4 %s)',
                       pg_size_pretty(pg_relation_size('idea')), pg_relation_size('idea') / 8192,
                       pg_size_pretty(pg_relation_size(reltoastrelid)), pg_size_pretty(pg_indexes_size('idea')),
                       n_live_tup, n_dead_tup, last_autovacuum, last_autoanalyze,
                       current_setting('default_toast_compression'),
                       (select 'lz4' = any(enumvals) from pg_settings where name = 'default_toast_compression'))
                  from pg_class c join pg_stat_user_tables s on s.relid = c.oid where c.relname = 'idea'
                union all
                select format('title: avg %s bytes stored, %s of %s out of line or compressed; head_vector: avg %s'
                       || ' bytes stored, avg %s bytes raw, compression %s',
                       round(avg(pg_column_size(title))), count(*) filter (where pg_column_size(title)
                       < octet_length(title)), count(*), round(avg(pg_column_size(head_vector))),
                       round(avg(octet_length(head_vector::text))),
                       string_agg(distinct coalesce(pg_column_compression(head_vector), 'none'), ','))
                  from idea""";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return String.join("\n    ", rows);
        }
    }

    private static String millis(Latencies latencies) {
        return String.format("p50 %6.1f  p95 %6.1f  p99 %6.1f ms", latencies.millis(50), latencies.millis(95),
                latencies.millis(99));
    }
}
