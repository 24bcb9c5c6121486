package dk.raaderum.systemtest;

import dk.raaderum.devstack.App;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A real read endpoint (proposal-service's catalog list: token check, tenancy, one query) called directly and through
 * the gateway with a real Keycloak token and the same closed-loop load from one process. Prints throughput ratio and
 * added latency; asserts nothing about speed. {@code ./mvnw verify -Pbenchmark -pl system-tests} (after
 * {@code ./mvnw install -DskipTests}).
 */
class GatewayOverheadBenchmark {

    private static final int CONCURRENCY = 4;

    @Test
    void catalogListDirectAndThroughTheGateway() throws Exception {
        // the rate limiter stays in the path, with a limit this load never reaches
        SharedStack.environment(java.util.Map.of("RAADERUM_GATEWAY_RATE_LIMIT_AUTHENTICATED_PER_MINUTE", "100000000",
                "RAADERUM_GATEWAY_RATE_LIMIT_BURST", "1000000"));
        String token = SharedStack.keycloak().passwordToken("ringsted-finance");
        String path = "/api/v1/municipalities/329/catalogs";
        URI direct = URI.create(SharedStack.stack().url(App.PROPOSAL) + path);
        URI proxied = URI.create(SharedStack.gateway() + path);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        run(http, direct, token, Duration.ofSeconds(5));
        run(http, proxied, token, Duration.ofSeconds(5));
        long[] d = run(http, direct, token, Duration.ofSeconds(15));
        long[] g = run(http, proxied, token, Duration.ofSeconds(15));
        System.out.printf("%ngateway overhead, real service: GET %s, %d concurrent loops, 15 s each, 2 shared cores%n",
                path, CONCURRENCY);
        System.out.printf("  direct to proposal-service  %6d requests, %6.0f req/s, p50 %.3f ms, p99 %.3f ms%n", d.length,
                d.length / 15.0, p(d, 50), p(d, 99));
        System.out.printf("  through the gateway         %6d requests, %6.0f req/s, p50 %.3f ms, p99 %.3f ms%n", g.length,
                g.length / 15.0, p(g, 50), p(g, 99));
        System.out.printf("  throughput ratio gateway/direct %.2f; added median %.3f ms; added p99 %.3f ms%n",
                (double) g.length / d.length, p(g, 50) - p(d, 50), p(g, 99) - p(d, 99));
    }

    private static long[] run(HttpClient http, URI uri, String token, Duration duration) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<long[]>> loops = new ArrayList<>();
        for (int i = 0; i < CONCURRENCY; i++) {
            loops.add(pool.submit(() -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + " from " + uri);
                    }
                    latencies[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        int total = 0;
        for (Future<long[]> loop : loops) {
            long[] part = loop.get();
            parts.add(part);
            total += part.length;
        }
        pool.shutdown();
        long[] all = new long[total];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        Arrays.sort(all);
        return all;
    }

    private static double p(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
