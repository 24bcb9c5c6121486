package dk.raaderum.gateway;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.time.Duration;

/** A service that is down or slow gives a fast problem naming it, never a hang; it is used again once it is back. */
@QuarkusTest
class GatewayResilienceTest {

    private static final String TOKEN = TestTokens.user("varde-finance").roles("finance-officer").municipality("573")
            .token();

    @Test
    void aServiceThatIsDownGivesAFast503AndRecovers() {
        FakeUpstreams.stop("idea-bank-service");
        long started = System.nanoTime();
        assertProblem(given().auth().oauth2(TOKEN).get("/api/v1/ideas").then(), 503, "service-unavailable")
                .body("service", equalTo("idea-bank-service"))
                .body("detail", equalTo("idea-bank-service is unavailable; retry in a moment"))
                .body(not(containsString("localhost")))
                .body(not(containsString("refused")));
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "fast, not a hang");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TOKEN).get("/api/v1/ideas").then().statusCode(503);
        }
        // the breaker is open now: answered at once, with Retry-After
        assertProblem(given().auth().oauth2(TOKEN).get("/api/v1/ideas").then(), 503, "service-unavailable")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // other services are not affected
        given().auth().oauth2(TOKEN).get("/api/v1/municipalities/573/catalogs").then().statusCode(200);

        FakeUpstreams.start("idea-bank-service");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(TOKEN).get("/api/v1/ideas").then().statusCode(200)
                        .body("service", equalTo("idea-bank-service")));
    }

    @Test
    void aSlowServiceGivesA504Problem() {
        long started = System.nanoTime();
        assertProblem(given().auth().oauth2(TOKEN).get("/api/v1/municipalities/573/catalogs/1/slow").then(), 504,
                "gateway-timeout").body("service", equalTo("proposal-service"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 3500, "the 1.5 s read timeout of the test profile applied, took " + millis + " ms");
    }

    @Test
    void theGatewayStaysReadyWhileOneUpstreamIsAndNamesThoseThatAreNot() {
        FakeUpstreams.stop("idea-bank-service");
        FakeUpstreams.stop("target-service");
        FakeUpstreams.stop("followup-service");
        try {
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'Upstream services' }.data.notReady",
                            equalTo("target-service, followup-service, idea-bank-service"));
        } finally {
            FakeUpstreams.start("target-service");
            FakeUpstreams.start("followup-service");
            FakeUpstreams.start("idea-bank-service");
        }
    }

    @Test
    void readinessReportsEachUpstream() {
        FakeUpstreams.stop("idea-bank-service");
        try {
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'Upstream services' }.data.proposal-service", equalTo("UP"))
                    .body("checks.find { it.name == 'Upstream services' }.data.idea-bank-service", equalTo("DOWN"));
        } finally {
            FakeUpstreams.start("idea-bank-service");
        }
    }
}
