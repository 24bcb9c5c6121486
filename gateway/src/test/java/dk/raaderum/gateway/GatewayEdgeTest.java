package dk.raaderum.gateway;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's HTTP edge: X-Forwarded-* for the services' links, the caller's forwarded address for the rate limit,
 * one body-size limit answered with a 413 problem, and callers' oversized or broken-off bodies are no outage.
 */
@QuarkusTest
class GatewayEdgeTest {

    private static final String TOKEN = TestTokens.user("varde-finance").roles("finance-officer").municipality("573")
            .token();
    /** The test profile's raaderum.http.max-body-size. */
    private static final long LIMIT = 24L * 1024 * 1024;
    private static final String UPLOAD = "/api/v1/municipalities/573/proposals/1/attachments";

    @Test
    void theServicesGetTheGatewaysAddressInXForwardedHeaders() {
        int port = RestAssured.port;
        given().auth().oauth2(TOKEN).get("/api/v1/municipalities/573/catalogs").then().statusCode(200)
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", equalTo("localhost:" + port))
                .body("headers.x-forwarded-port", equalTo(Integer.toString(port)))
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"));
    }

    @Test
    void aTrustedProxysForwardedHeadersArePassedOnWithThePeerAppended() {
        given().auth().oauth2(TOKEN).header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "api.raaderum.example").header("X-Forwarded-Port", "443")
                .get("/api/v1/municipalities/573/catalogs").then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("203.0.113.9, 127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("https"))
                .body("headers.x-forwarded-host", equalTo("api.raaderum.example"))
                .body("headers.x-forwarded-port", equalTo("443"));
    }

    @Test
    void anonymousCallersBehindATrustedProxyAreLimitedByTheirOwnAddress() {
        int limited = 0;
        for (int i = 0; i < 30; i++) {
            int status = given().header("X-Forwarded-For", "198.51.100.1").get("/api/v1/open-data/initiatives")
                    .then().extract().statusCode();
            limited += status == 429 ? 1 : 0;
        }
        assertTrue(limited > 0, "198.51.100.1 is limited (burst 20 in the test profile)");
        given().header("X-Forwarded-For", "198.51.100.2").get("/api/v1/open-data/initiatives").then().statusCode(200);
    }

    @Test
    void aWrongMethodIsTheServices405WithAllow() {
        assertProblem(given().auth().oauth2(TOKEN).delete("/api/v1/municipalities/573/catalogs/1/read-only").then(),
                405, "method-not-allowed")
                .header("Allow", "GET, HEAD, OPTIONS");
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413AtOnce() throws IOException {
        Answer answer = exchange("POST " + UPLOAD + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n", 0);
        assertEquals(413, answer.status(), answer.text());
        assertTrue(answer.text().contains("application/problem+json"), answer.text());
        assertTrue(answer.text().contains("https://raaderum.dk/problems/content-too-large"), answer.text());
        given().auth().oauth2(TOKEN).get(UPLOAD).then().statusCode(200);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413AndNeverOpensTheBreaker() throws IOException {
        for (int i = 0; i < 4; i++) {
            Answer answer = exchange("POST " + UPLOAD + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TOKEN + "\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n",
                    LIMIT + 1024 * 1024);
            assertEquals(413, answer.status(), answer.text());
            assertTrue(answer.text().contains("content-too-large"), answer.text());
        }
        // the breaker's threshold is 3 in the test profile: four oversized bodies did not open it
        given().auth().oauth2(TOKEN).get(UPLOAD).then().statusCode(200).body("service", equalTo("proposal-service"));
    }

    @Test
    void aCallerThatBreaksOffItsUploadIsNoOutage() throws IOException {
        long before = FakeUpstreams.BROKEN_OFF.get();
        long started = FakeUpstreams.BODIES_STARTED.get();
        for (int i = 0; i < 4; i++) {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + UPLOAD + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                        + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[64 * 1024]);
                out.flush();
                // the body reached the service before the caller hangs up
                final long reached = started + i + 1;
                await().atMost(Duration.ofSeconds(10)).until(() -> FakeUpstreams.BODIES_STARTED.get() >= reached);
                socket.setSoLinger(true, 0);
            }
            final long broken = before + i + 1;
            await().atMost(Duration.ofSeconds(10)).until(() -> FakeUpstreams.BROKEN_OFF.get() >= broken);
        }
        given().auth().oauth2(TOKEN).get(UPLOAD).then().statusCode(200).body("service", equalTo("proposal-service"));
    }

    /**
     * A caller that stalls its upload (10 of 1,000 bytes sent, then nothing) until the service's read timeout (1.5 s in
     * the test profile) is told 408; four of them do not open the breaker (threshold 3), so nobody else is refused.
     */
    @Test
    void aCallerThatStallsItsUploadGets408AndIsNoOutage() throws IOException {
        for (int i = 0; i < 4; i++) {
            long started = System.nanoTime();
            Answer answer = exchange("POST " + UPLOAD + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000\r\n\r\n0123456789", 0);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 10_000, "the connection is closed after the 408, not held for the rest of the body: "
                    + millis + " ms");
            assertEquals(408, answer.status(), answer.text());
            assertTrue(answer.text().contains("https://raaderum.dk/problems/request-timeout"), answer.text());
        }
        given().auth().oauth2(TOKEN).get(UPLOAD).then().statusCode(200).body("service", equalTo("proposal-service"));
    }

    /**
     * A caller that sends {@code Connection: close} and hangs up as soon as it has read the last byte (Python's urllib
     * does) leaves the gateway's pooled upstream connections alone: resetting the finished exchange closed a connection
     * already back in the pool, and the request that had just taken it failed with a 503.
     */
    @Test
    void callersThatHangUpAfterTheLastByteDoNotCloseThePooledConnections() throws IOException {
        long before = FakeUpstreams.CONNECTIONS.get();
        for (int i = 0; i < 300; i++) {
            // a caller of its own each time: the test profile's rate limit allows a burst of 20
            String token = TestTokens.user("caller-" + i).roles("finance-officer").municipality("573").token();
            assertEquals(200, hangUpAfterTheAnswer("/api/v1/municipalities/573/catalogs", token), "request " + i);
        }
        long opened = FakeUpstreams.CONNECTIONS.get() - before;
        assertTrue(opened <= 4, "300 requests one after the other opened " + opened + " upstream connections");
    }

    /** GET with Connection: close, reads the head and Content-Length bytes of body, and closes at once; the status. */
    private static int hangUpAfterTheAnswer(String path, String token) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int next = in.read();
                assertTrue(next >= 0, "the answer's head ended early: " + head);
                head.write(next);
            }
            String text = head.toString(StandardCharsets.US_ASCII);
            Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
            assertTrue(length.find(), "an answer with Content-Length: " + text);
            in.readNBytes(Integer.parseInt(length.group(1)));
            return Integer.parseInt(text.substring(9, 12));
        }
    }

    /** Sends {@code head} and {@code chunkedBytes} of chunked body (from another thread), reads the answer. */
    private static Answer exchange(String head, long chunkedBytes) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(60_000); // a guard against a hang, not a measurement
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (chunkedBytes > 0) {
                Thread writer = new Thread(() -> writeChunks(out, chunkedBytes));
                writer.setDaemon(true);
                writer.start();
            }
            return Answer.read(socket.getInputStream());
        }
    }

    private static void writeChunks(OutputStream out, long bytes) {
        byte[] chunk = new byte[256 * 1024];
        try {
            for (long sent = 0; sent < bytes; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException closedByTheGateway) {
            // expected: the gateway answered 413 and closed the connection
        }
    }

    record Answer(int status, String text) {

        static Answer read(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    bytes.write(buffer, 0, n);
                }
            } catch (IOException resetAfterTheAnswer) {
                // the gateway closes the connection after a 413; what arrived before counts
            }
            String text = bytes.toString(StandardCharsets.UTF_8);
            int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
            return new Answer(status, text);
        }
    }
}
