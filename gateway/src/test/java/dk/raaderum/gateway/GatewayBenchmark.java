package dk.raaderum.gateway;

import dk.raaderum.platform.testing.TestTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
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
 * The same read endpoint called directly and through the gateway, with the same closed-loop load from one process:
 * throughput ratio gateway/direct and the latency the gateway adds. The upstream is a trivial echo server, so the
 * difference is the gateway's own work (token check, rate limit, proxying, logging). Prints numbers, asserts
 * nothing about speed. {@code ./mvnw verify -Pbenchmark -pl gateway}
 */
@QuarkusTest
@TestProfile(GatewayBenchmark.NoPracticalLimit.class)
class GatewayBenchmark {

    /** The rate limiter stays in the path (its cost is part of the gateway's) but with a limit the load never hits. */
    public static class NoPracticalLimit implements QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("raaderum.gateway.rate-limit.authenticated-per-minute", "100000000",
                    "raaderum.gateway.rate-limit.burst", "1000000");
        }
    }

    private static final int CONCURRENCY = 4;
    private static final Duration WARMUP = Duration.ofSeconds(5);
    private static final Duration MEASURE = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URL gateway;

    @ConfigProperty(name = "raaderum.gateway.services.proposal-service.url")
    String upstream;

    @Test
    void directVersusThroughTheGateway() throws Exception {
        String token = TestTokens.user("bench").roles("finance-officer").municipality("573").token();
        String path = "/api/v1/municipalities/573/catalogs";
        URI direct = URI.create(upstream + path);
        URI proxied = URI.create(gateway.toString().replaceAll("/$", "") + path);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        run(http, direct, token, WARMUP);
        run(http, proxied, token, WARMUP);
        Result d = run(http, direct, token, MEASURE);
        Result g = run(http, proxied, token, MEASURE);
        System.out.printf("%ngateway benchmark: GET %s, %d concurrent loops, %d s each, one process, 2 shared cores%n",
                path, CONCURRENCY, MEASURE.toSeconds());
        print("direct to the service", d);
        print("through the gateway", g);
        System.out.printf("  throughput ratio gateway/direct %.2f; added median %.3f ms; added p99 %.3f ms%n",
                g.perSecond() / d.perSecond(), g.p50() - d.p50(), g.p99() - d.p99());
    }

    private static Result run(HttpClient http, URI uri, String token, Duration duration) throws Exception {
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
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                    latencies[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> loop : loops) {
            long[] part = loop.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        pool.shutdown();
        Arrays.sort(all);
        return new Result(all.length / (double) duration.toSeconds(), percentile(all, 50), percentile(all, 99), all.length);
    }

    private record Result(double perSecond, double p50, double p99, int count) {
    }

    private static void print(String what, Result r) {
        System.out.printf("  %-24s %7d requests, %8.0f req/s, p50 %.3f ms, p99 %.3f ms%n", what, r.count(), r.perSecond(),
                r.p50(), r.p99());
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
