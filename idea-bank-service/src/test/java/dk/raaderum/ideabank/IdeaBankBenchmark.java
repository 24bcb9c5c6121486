package dk.raaderum.ideabank;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.repository.IdeaSearchRepository;
import dk.raaderum.ideabank.service.demo.ReviewFiles;
import dk.raaderum.ideabank.service.search.IdeaSearch;
import dk.raaderum.ideabank.service.search.SearchModels.IdeaHit;
import dk.raaderum.ideabank.service.search.SearchModels.MatchedBy;
import dk.raaderum.ideabank.service.search.SearchModels.Query;
import dk.raaderum.ideabank.service.search.SearchModels.Result;
import dk.raaderum.ideabank.service.search.SearchModels.Sort;
import dk.raaderum.ideabank.support.Tokens;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.infra.ProcFiles;
import dk.raaderum.platform.testing.FixedRateLoad;
import dk.raaderum.platform.testing.Latencies;
import dk.raaderum.platform.testing.ScrapedMetrics;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * {@code ./mvnw verify -Pbenchmark -pl idea-bank-service}: KL's import of a 10,000-row and then a 90,000-row review
 * (CSV over HTTP, as KL sends it), and typical searches at 10,000 and at 100,000 ideas, in-process (the service's own
 * time) and over HTTP at a fixed 50 requests/s (token verified), each phase once autovacuum has finished with the
 * import. Prints its numbers; asserts nothing about speed. The
 * duplicate scan is off (it would compare 100,000 new ideas in the background while the searches are measured).
 */
@QuarkusTest
@TestProfile(IdeaBankBenchmark.Quiet.class)
class IdeaBankBenchmark {

    /** The application without the background duplicate scan. */
    public static class Quiet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("raaderum.idea-bank.duplicates.enabled", "false");
        }
    }


    /** The typical searches: one word, two words, a phrase, a word and two facets, a part of compounds. */
    private static final Map<String, String> SEARCHES = new LinkedHashMap<>();

    static {
        SEARCHES.put("one word: pleje", "q=pleje");
        SEARCHES.put("two words: digital selvbetjening", "q=digital+selvbetjening");
        SEARCHES.put("phrase: \"fælles indkøb\"", "q=" + URLEncoder.encode("\"fælles indkøb\"", StandardCharsets.UTF_8));
        SEARCHES.put("word + 2 facets: energi, bygninger, INVESTMENT", "q=energi&area=bygninger&type=INVESTMENT");
        SEARCHES.put("compound part: hjem", "q=hjem");
        SEARCHES.put("misspelt: hjemmeplejn", "q=hjemmeplejn");
    }

    private static final int MEASURED = 200;
    private static final int RATE = 50;
    private static final Duration WARMUP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(10);

    @Inject
    IdeaSearch search;

    @Inject
    IdeaSearchRepository repository;

    @Inject
    DataSource dataSource;

    @Test
    void importsAndSearchesAtScale() throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "idea-benchmark");
        System.out.printf("%nIdeaBankBenchmark (%d cores, max heap %d MiB)%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        importFile(ReviewFiles.csv(dir, 10_000, 1, 10));
        measure(10_000);
        Path big = ReviewFiles.csv(dir, 90_000, 10_001, 90);
        importFile(big);
        measure(100_000);
        importFile(big);
    }

    /** One KL review file through the import endpoint, timed; then waits until the outbox has sent its events. */
    static void importFile(Path file) throws Exception {
        // streamed from the file, as KL's client would send it (RestAssured would hold the whole file in this JVM twice)
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                + "/api/v1/kl/ideas/imports")).header("Authorization", "Bearer " + Tokens.curator())
                .header("Content-Type", "text/csv; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        long started = System.nanoTime();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        if (response.statusCode() != 200) {
            throw new AssertionError("import answered " + response.statusCode() + ": " + response.body());
        }
        JsonPath result = JsonPath.from(response.body());
        System.out.printf("  import of %,d rows (%,d MB CSV over HTTP): %.1f s = %,.0f rows/s; created %,d, updated %,d,"
                + " unchanged %,d%n", result.getInt("rows"), Files.size(file) >> 20, seconds, result.getInt("rows") / seconds,
                result.getInt("created"), result.getInt("updated"), result.getInt("unchanged"));
        long drain = System.nanoTime();
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(500)).until(() -> pendingEvents() == 0);
        System.out.printf("  outbox drained to Kafka %.1f s after the import (pending now 0)%n",
                (System.nanoTime() - drain) / 1e9);
    }

    /**
     * Measures the bank as it is once autovacuum has finished with the import (it vacuums and analyses the idea table
     * after tens of thousands of inserts, for up to a minute on these two cores); prints how long that took.
     */
    /** Until no autovacuum worker has run for three polls a second apart (at most three minutes). */
    private void awaitAutovacuum() throws Exception {
        long started = System.nanoTime();
        AtomicInteger quiet = new AtomicInteger();
        await("autovacuum finished with the import").atMost(Duration.ofMinutes(3)).pollDelay(Duration.ofSeconds(1))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(
                            "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")) {
                        return (rs.next() && rs.getInt(1) == 0 ? quiet.incrementAndGet() : quiet.getAndSet(0)) >= 3;
                    }
                });
        System.out.printf("  autovacuum finished with the import %.0f s after it (load %s)%n",
                (System.nanoTime() - started) / 1e9, ProcFiles.loadAverage());
    }

    private static double pendingEvents() {
        return Math.max(0, ScrapedMetrics.sum(given().get("/q/metrics").asString(), "raaderum_outbox_pending"));
    }

    private void measure(int ideas) throws Exception {
        awaitAutovacuum();
        System.out.printf("  %,d published ideas; in-process: %d searches after %d unmeasured; HTTP: %d requests/s,"
                + " %d s warm-up, %d s measured; p50 / p95 / p99%n", ideas, MEASURED, MEASURED, RATE,
                WARMUP.toSeconds(), MEASURE.toSeconds());
        System.out.printf("    %-44s %6s | %-22s | %-22s | %-22s | %-22s | %-22s%n", "search", "hits", "in-process new",
                "in-process kept", "HTTP new words", "HTTP other pages", "HTTP same page");
        for (Map.Entry<String, String> entry : SEARCHES.entrySet()) {
            Query query = query(entry.getValue());
            Result first = search.search(query);
            Latencies fresh = Latencies.time(MEASURED, MEASURED, () -> search.compute(query));
            Latencies kept = Latencies.time(MEASURED, MEASURED, () -> search.search(query));
            String parameters = entry.getValue();
            // the same words, a page (and page size) not asked before: 5,000 different ones
            IntFunction<String> pages = n -> parameters + "&page=" + (n / 100) % 50 + "&size=" + (1 + n % 100);
            // words no one searched before, each once, with the same hits (a word no idea has is excluded); not for a
            // misspelling, which another word would change
            FixedRateLoad.Result newWords = first.matchedBy() == MatchedBy.FULL_TEXT
                    ? http(n -> parameters.replaceFirst("q=([^&]*)", "q=$1+-zq" + n)) : null;
            FixedRateLoad.Result otherPages = http(pages);
            FixedRateLoad.Result samePage = http(n -> parameters);
            System.out.printf("    %-44s %6d | %s | %s | %s | %s | %s%n", entry.getKey(), first.total(), millis(fresh),
                    millis(kept), millis(newWords), millis(otherPages), millis(samePage));
        }
        System.out.printf("  PostgreSQL's statements alone:%n");
        for (Map.Entry<String, String> entry : SEARCHES.entrySet()) {
            statements(entry.getKey(), query(entry.getValue()));
        }
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(
                "select sum(length(search_vector)), sum(length(head_vector)) from idea")) {
            rs.next();
            System.out.printf("  words of all ideas in memory: %,d (whole vectors), %,d (small vectors)%n", rs.getLong(1),
                    rs.getLong(2));
        }
        System.out.printf("  words and one-word ranks in memory: %s%n", given().get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith("raaderum_idea_search_ranks_builds_seconds_")
                        || line.startsWith("raaderum_idea_search_one_word_from_memory_total"))
                .map(line -> line.replaceFirst(" # .*", "")).toList());
    }

    /**
     * The statements of a full-text search alone: its hits found and ranked by PostgreSQL (what a one-word search is
     * spared once its words are in memory, and what every other search sends), and the first page's rows with highlights.
     */
    private void statements(String name, Query query) {
        Result first = search.search(query);
        if (first.matchedBy() != MatchedBy.FULL_TEXT) {
            return;
        }
        List<Long> page = first.items().stream().map(IdeaHit::id).toList();
        Latencies hits = Latencies.time(MEASURED, MEASURED,
                () -> repository.snapshot(reads -> repository.textHits(reads, query.words())));
        Latencies rows = Latencies.time(MEASURED, MEASURED,
                () -> repository.snapshot(reads -> repository.rows(reads, page, query.words())));
        System.out.printf("    %-44s hits ranked %s | page rows %s%n", name, millis(hits), millis(rows));
    }

    private static FixedRateLoad.Result http(IntFunction<String> parameters) throws InterruptedException {
        String token = Tokens.finance("101");
        String base = "http://localhost:" + RestAssured.port + "/api/v1/ideas?";
        return FixedRateLoad.get(n -> URI.create(base + parameters.apply(n)), Map.of("Authorization", "Bearer " + token))
                .run(RATE, WARMUP, MEASURE);
    }

    private static String millis(Latencies latencies) {
        return String.format("%6.1f %6.1f %6.1f ms", latencies.millis(50), latencies.millis(95), latencies.millis(99));
    }

    private static String millis(FixedRateLoad.Result result) {
        if (result == null) {
            return String.format("%22s", "n/a");
        }
        return millis(result.latencies()) + (result.errors() == 0 ? "" : " (" + result.errors() + " errors: "
                + result.firstError() + ")");
    }

    /** The same search the HTTP parameters ask for. */
    private static Query query(String parameters) {
        String words = null;
        Set<String> areas = Set.of();
        Set<ProposalType> types = Set.of();
        for (String pair : parameters.split("&")) {
            String[] kv = pair.split("=", 2);
            String value = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            switch (kv[0]) {
                case "q" -> words = value;
                case "area" -> areas = Set.of(value);
                case "type" -> types = Set.of(ProposalType.valueOf(value));
                default -> throw new IllegalArgumentException(kv[0]);
            }
        }
        return new Query(words, areas, types, Set.of(), Set.of(), Set.of(), null, null, null, null,
                Set.of(IdeaStatus.PUBLISHED), Sort.RELEVANCE, 0, 20);
    }
}
