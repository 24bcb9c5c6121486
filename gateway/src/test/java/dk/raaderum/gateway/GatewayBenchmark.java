package dk.raaderum.gateway;

import dk.raaderum.platform.testing.Latencies;
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
import java.time.Duration;

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
        HttpRequest direct = get(URI.create(upstream + path), token);
        HttpRequest proxied = get(URI.create(gateway.toString().replaceAll("/$", "") + path), token);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Latencies.closedLoop(http, direct, CONCURRENCY, WARMUP);
        Latencies.closedLoop(http, proxied, CONCURRENCY, WARMUP);
        Latencies d = Latencies.closedLoop(http, direct, CONCURRENCY, MEASURE);
        Latencies g = Latencies.closedLoop(http, proxied, CONCURRENCY, MEASURE);
        System.out.printf("%ngateway benchmark: GET %s, %d concurrent loops, %d s each, one process, 2 shared cores%n",
                path, CONCURRENCY, MEASURE.toSeconds());
        print("direct to the service", d);
        print("through the gateway", g);
        System.out.printf("  throughput ratio gateway/direct %.2f; added median %.3f ms; added p99 %.3f ms%n",
                g.perSecond() / d.perSecond(), g.millis(50) - d.millis(50), g.millis(99) - d.millis(99));
    }

    private static HttpRequest get(URI uri, String token) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
    }

    private static void print(String what, Latencies l) {
        System.out.printf("  %-24s %7d requests, %8.0f req/s, p50 %.3f ms, p99 %.3f ms%n", what, l.count(), l.perSecond(),
                l.millis(50), l.millis(99));
    }
}
