package dk.raaderum.systemtest;

import dk.raaderum.devstack.App;
import dk.raaderum.platform.testing.Latencies;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

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
        HttpRequest direct = get(URI.create(SharedStack.stack().url(App.PROPOSAL) + path), token);
        HttpRequest proxied = get(URI.create(SharedStack.gateway() + path), token);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Latencies.closedLoop(http, direct, CONCURRENCY, Duration.ofSeconds(5));
        Latencies.closedLoop(http, proxied, CONCURRENCY, Duration.ofSeconds(5));
        Latencies d = Latencies.closedLoop(http, direct, CONCURRENCY, Duration.ofSeconds(15));
        Latencies g = Latencies.closedLoop(http, proxied, CONCURRENCY, Duration.ofSeconds(15));
        System.out.printf("%ngateway overhead, real service: GET %s, %d concurrent loops, 15 s each, 2 shared cores%n",
                path, CONCURRENCY);
        System.out.printf("  direct to proposal-service  %6d requests, %6.0f req/s, p50 %.3f ms, p99 %.3f ms%n", d.count(),
                d.perSecond(), d.millis(50), d.millis(99));
        System.out.printf("  through the gateway         %6d requests, %6.0f req/s, p50 %.3f ms, p99 %.3f ms%n", g.count(),
                g.perSecond(), g.millis(50), g.millis(99));
        System.out.printf("  throughput ratio gateway/direct %.2f; added median %.3f ms; added p99 %.3f ms%n",
                g.perSecond() / d.perSecond(), g.millis(50) - d.millis(50), g.millis(99) - d.millis(99));

        // the latency one request pays for the extra hop, with the cores not saturated: one loop
        Latencies d1 = Latencies.closedLoop(http, direct, 1, Duration.ofSeconds(10));
        Latencies g1 = Latencies.closedLoop(http, proxied, 1, Duration.ofSeconds(10));
        System.out.printf("  one loop, 10 s each: direct p50 %.3f ms, p99 %.3f ms; through the gateway p50 %.3f ms,"
                + " p99 %.3f ms; throughput ratio %.2f; added median %.3f ms; added p99 %.3f ms%n", d1.millis(50),
                d1.millis(99), g1.millis(50), g1.millis(99), g1.perSecond() / d1.perSecond(),
                g1.millis(50) - d1.millis(50), g1.millis(99) - d1.millis(99));
    }

    private static HttpRequest get(URI uri, String token) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
    }
}
