package dk.raaderum.gateway;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.testing.TestTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;

/** Paths reach the service that owns them, with headers and bodies passed through in both directions. */
@QuarkusTest
class GatewayRoutingTest {

    private static final String TOKEN = TestTokens.user("varde-finance").roles("finance-officer").municipality("573")
            .token();

    @TestHTTPResource("/")
    URL root;

    @Test
    void eachPathGoesToTheServiceThatOwnsIt() {
        for (String[] route : List.of(
                new String[] { "/api/v1/municipalities/573/catalogs", "proposal-service" },
                new String[] { "/api/v1/municipalities/573/proposals/7/transitions", "proposal-service" },
                new String[] { "/api/v1/municipalities/573/targets?year=2027", "target-service" },
                new String[] { "/api/v1/municipalities/573/budgets/2027", "target-service" },
                new String[] { "/api/v1/municipalities/573/policy-areas/SKO", "target-service" },
                new String[] { "/api/v1/kl/targets/summary", "target-service" },
                new String[] { "/api/v1/municipalities/573/initiatives", "followup-service" },
                new String[] { "/api/v1/municipalities/573/followup/dashboard", "followup-service" })) {
            given().auth().oauth2(TOKEN).get(route[0]).then().statusCode(200)
                    .body("service", equalTo(route[1]))
                    .body("uri", equalTo(route[0]));
        }
    }

    @Test
    void unroutedPathsAre404Problems() {
        assertProblem(given().auth().oauth2(TOKEN).get("/api/v1/municipalities/573/unknown").then(), 404, "not-found");
        assertProblem(given().auth().oauth2(TOKEN).get("/api/v2/anything").then(), 404, "not-found");
    }

    @Test
    void authorizationAndContentHeadersAreForwarded() {
        given().auth().oauth2(TOKEN).contentType("application/json").header("If-Match", "\"3\"").body("{\"a\":1}")
                .put("/api/v1/municipalities/573/catalogs/1").then().statusCode(200)
                .body("method", equalTo("PUT"))
                .body("headers.authorization", equalTo("Bearer " + TOKEN))
                .body("headers.content-type", startsWith("application/json"))
                .body("headers.if-match", equalTo("\"3\""))
                .body("bodyBytes", equalTo(7));
    }

    @Test
    void requestIdAndTraceparentArePropagatedOrGenerated() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String traceparent = "00-" + trace + "-00f067aa0ba902b7-01";
        var passed = given().auth().oauth2(TOKEN).header("X-Request-Id", "front-end-42").header("traceparent", traceparent)
                .get("/api/v1/municipalities/573/catalogs").then().statusCode(200)
                .header("X-Request-Id", "front-end-42")
                .header("traceparent", matchesPattern("00-" + trace + "-[0-9a-f]{16}-01"))
                .body("headers.x-request-id", equalTo("front-end-42"))
                .body("headers.traceparent", matchesPattern("00-" + trace + "-[0-9a-f]{16}-01"));
        // the caller's span is the parent of the gateway's, whose client span is the parent of the upstream's
        String answered = passed.extract().header("traceparent");
        String upstream = passed.extract().path("headers.traceparent");
        assertNotEquals(traceparent, answered);
        assertNotEquals(answered, upstream);

        var generated = given().auth().oauth2(TOKEN).get("/api/v1/municipalities/573/catalogs").then().statusCode(200)
                .header("X-Request-Id", not(equalTo("should-be-replaced-by-the-gateway")))
                .header("traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
        String id = generated.extract().header("X-Request-Id");
        generated.body("headers.x-request-id", equalTo(id));
        String newTrace = generated.extract().header("traceparent").substring(3, 35);
        generated.body("headers.traceparent", matchesPattern("00-" + newTrace + "-[0-9a-f]{16}-0[01]"));
    }

    @Test
    void compressedAnswersPassThroughAsTheServiceSentThem() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI compressible = uri("/api/v1/municipalities/573/catalogs/1/compressible");
        HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(compressible).header("Authorization", "Bearer "
                + TOKEN).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zipped.statusCode());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null));
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
        assertEquals(FakeUpstreams.COMPRESSIBLE, new String(unzipped, StandardCharsets.UTF_8));
        assertTrue(zipped.body().length < FakeUpstreams.COMPRESSIBLE.length() / 10, zipped.body().length + " bytes");

        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(compressible).header("Authorization", "Bearer "
                + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(FakeUpstreams.COMPRESSIBLE, plain.body());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), plain.headers().toString());
    }

    @Test
    void largeBodiesStreamBothWays() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // download: 10 chunks of 1 MiB, 150 ms apart; the first bytes arrive long before the last
        HttpRequest download = HttpRequest.newBuilder(uri("/api/v1/municipalities/573/catalogs/1/export/big"))
                .header("Authorization", "Bearer " + TOKEN).build();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = http.send(download, HttpResponse.BodyHandlers.ofInputStream());
        long firstByte;
        long total = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            int read = body.read(buffer);
            firstByte = System.nanoTime() - started;
            while (read >= 0) {
                total += read;
                read = body.read(buffer);
            }
        }
        long all = System.nanoTime() - started;
        assertEquals(200, response.statusCode());
        assertEquals(10L * 1024 * 1024, total);
        assertTrue(firstByte < all / 2, "streamed: first byte after " + firstByte / 1_000_000 + " ms of " + all / 1_000_000);

        // upload: 20 MiB reach the service
        byte[] upload = new byte[20 * 1024 * 1024];
        HttpResponse<String> echoed = http.send(HttpRequest.newBuilder(uri("/api/v1/municipalities/573/catalogs/1/import"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, echoed.statusCode());
        assertTrue(echoed.body().contains("\"bodyBytes\":" + upload.length), echoed.body());
    }

    @Test
    void everyRequestWritesOneJsonAccessLogLine() {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("dk.raaderum.gateway.access");
        logger.addHandler(capture);
        try {
            given().auth().oauth2(TOKEN).header("X-Request-Id", "logged-request-1")
                    .get("/api/v1/municipalities/573/initiatives").then().statusCode(200);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> lines.stream().anyMatch(l -> l.contains("logged-request-1")));
            String line = lines.stream().filter(l -> l.contains("logged-request-1")).findFirst().orElseThrow();
            assertTrue(line.startsWith("{") && line.endsWith("}"), line);
            assertTrue(line.contains("\"status\":200"), line);
            assertTrue(line.contains("\"service\":\"followup-service\""), line);
            assertTrue(line.contains("\"route\":\"/api/v1/municipalities/*/initiatives\""), line);
            assertTrue(line.contains("\"municipality\":\"573\""), line);
            assertTrue(line.contains("\"subject\":\""), line);
            assertTrue(line.contains("\"latencyMs\":"), line);
        } finally {
            logger.removeHandler(capture);
        }
    }

    private URI uri(String path) {
        return URI.create(root.toString().replaceAll("/$", "") + path);
    }
}
