package dk.raaderum.followup;

import dk.raaderum.followup.service.DashboardService;
import dk.raaderum.followup.service.FigureModels.DashboardView;
import dk.raaderum.followup.support.Tokens;
import dk.raaderum.platform.testing.Latencies;
import dk.raaderum.platform.testing.SqlScript;
import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.platform.web.municipality.Municipality;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * {@code ./mvnw verify -Pbenchmark -pl followup-service}: 5,000 initiatives × 4 years in one municipality (Vejle,
 * 630) plus 50 reported initiatives in each of the other 97 municipalities, bulk-loaded with SQL; then the
 * dashboard's latency in-process and over HTTP, and the time to produce the open-data CSVs of all municipalities.
 * Prints its numbers; asserts nothing about speed.
 */
@QuarkusTest
class FollowupBenchmark {

    private static final String M = "630";
    private static final int INITIATIVES = 5_000;
    private static final int OTHERS_EACH = 50;
    private static final int BASE_ID = 50_000_000;

    @Inject
    DataSource dataSource;

    @Inject
    DashboardService dashboards;

    @Test
    void dashboardAndOpenData() throws Exception {
        long loadStart = System.nanoTime();
        int[] loaded = load();
        System.out.printf("%nFollowupBenchmark: loaded %,d initiatives, %,d report slots in %.1f s%n", loaded[0], loaded[1],
                (System.nanoTime() - loadStart) / 1e9);

        DashboardView view = inRequest(() -> dashboards.dashboard(M, 2027, null, 10));
        System.out.printf("  dashboard %s 2027: %,d initiatives, expected %,d, realised %,d, at risk %,d, %d areas%n", M,
                view.totals().initiatives(), view.totals().expected(), view.totals().realised(),
                view.totals().gainsAtRisk(), view.byArea().size());

        for (int i = 0; i < 50; i++) {
            inRequest(() -> dashboards.dashboard(M, 2027, null, 10));
        }
        long[] inProcess = new long[300];
        for (int i = 0; i < inProcess.length; i++) {
            long start = System.nanoTime();
            inRequest(() -> dashboards.dashboard(M, 2027, null, 10));
            inProcess[i] = System.nanoTime() - start;
        }
        print("dashboard, in-process (DashboardService)", inProcess);

        // Over HTTP with the JDK client on a kept-alive connection: the service's time, not a test library's.
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest dashboard = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                + "/api/v1/municipalities/" + M + "/followup/dashboard?year=2027"))
                .header("Authorization", "Bearer " + Tokens.finance(M)).build();
        for (int i = 0; i < 50; i++) {
            send(client, dashboard);
        }
        long[] http = new long[300];
        for (int i = 0; i < http.length; i++) {
            long start = System.nanoTime();
            send(client, dashboard);
            http[i] = System.nanoTime() - start;
        }
        print("dashboard, over HTTP (JSON, bearer token verified)", http);

        for (String path : List.of("/api/v1/open-data/realised-gains.csv", "/api/v1/open-data/initiatives.csv")) {
            HttpRequest csvRequest = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path)).build();
            int bytes = 0;
            for (int i = 0; i < 3; i++) {
                bytes = send(client, csvRequest).length;
            }
            long[] csv = new long[10];
            for (int i = 0; i < csv.length; i++) {
                long start = System.nanoTime();
                bytes = send(client, csvRequest).length;
                csv[i] = System.nanoTime() - start;
            }
            int lines = new String(send(client, csvRequest), StandardCharsets.UTF_8).split("\r\n").length;
            print("open data " + path + " (all municipalities, " + String.format("%,d rows, %,d bytes", lines - 1, bytes)
                    + ")", csv);
        }
        System.out.println();
    }

    private static byte[] send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String initiativesScript() {
        try (var in = FollowupBenchmark.class.getResourceAsStream("/benchmark/initiatives.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T inRequest(Supplier<T> work) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            return work.get();
        } finally {
            request.terminate();
        }
    }

    private static void print(String what, long[] nanos) {
        Latencies l = Latencies.of(nanos);
        System.out.printf("  %-80s n=%d  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", what, l.count(), l.millis(50),
                l.millis(99), l.maxMillis());
    }

    /**
     * Vejle: 5,000 initiatives of catalog years 2024–2027 in 12 areas, each expecting a gain in 2027–2030
     * ({@code benchmark/initiatives.sql}, which system-tests' PlatformBenchmark loads too). Every other
     * municipality: 50 initiatives with 2027 and 2028 reported.
     */
    private int[] load() throws SQLException {
        List<String> others = new ArrayList<>();
        for (Municipality municipality : Municipalities.all()) {
            if (!municipality.code().equals(M)) {
                others.add(municipality.code());
            }
        }
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            SqlScript.run(connection, initiativesScript(), BASE_ID, M, INITIATIVES);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into initiative (id, municipality, source, catalog_year, price_level_year, area_code, area_name,
                        area_main_account, type, title, status, adopted_at, created_at, created_by, version)
                    select ? + row_number() over () , m, 'MANUAL', 2026 + g % 2, 2026 + g % 2, 'B' || (g % 8),
                        'Område ' || (g % 8), g % 7, (array['SAVING', 'EFFICIENCY'])[1 + g % 2], 'Initiativ ' || m || '-' || g,
                        'ACTIVE', now(), now(), 'benchmark', 0
                    from unnest(?) m cross join generate_series(1, ?) g""")) {
                Array codes = connection.createArrayOf("varchar", others.toArray());
                insert.setLong(1, BASE_ID * 2L);
                insert.setArray(2, codes);
                insert.setInt(3, OTHERS_EACH);
                insert.execute();
            }
            sql.execute("""
                    insert into initiative_year (initiative_id, year, municipality, adopted, expected, expected_reported,
                        realised, reported_slots, overdue_slots, pending_slots, gains_at_risk)
                    select i.id, y, i.municipality, 200000, 200000, 200000, 150000 + (i.id %% 5) * 20000, 1, 0, 0,
                        greatest(0, 200000 - (150000 + (i.id %% 5) * 20000))
                    from initiative i cross join generate_series(2027, 2028) y
                    where i.id > %d""".formatted(BASE_ID * 2L));
            sql.execute("""
                    insert into report_slot (id, initiative_id, municipality, year, period, expected, due_date, status,
                        realised, report_version, ratio, evidence_level, reported_at, version)
                    select i.id * 2 + (y - 2027), i.id, i.municipality, y, y::text, 200000, make_date(y + 1, 4, 1), 'REPORTED',
                        150000 + (i.id %% 5) * 20000, 1, round((150000 + (i.id %% 5) * 20000) / 200000.0, 4),
                        (array['DOCUMENTED', 'PROBABLE', 'ESTIMATE'])[1 + (i.id %% 3)::int], now(), 0
                    from initiative i cross join generate_series(2027, 2028) y
                    where i.id > %d""".formatted(BASE_ID * 2L));
            connection.commit();
            connection.setAutoCommit(true);
            sql.execute("analyze");
            try (var counts = sql.executeQuery("select (select count(*) from initiative), (select count(*) from report_slot)")) {
                counts.next();
                return new int[] { counts.getInt(1), counts.getInt(2) };
            }
        }
    }
}
