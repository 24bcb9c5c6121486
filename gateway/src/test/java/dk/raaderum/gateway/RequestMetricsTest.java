package dk.raaderum.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dk.raaderum.platform.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.time.Duration;

/**
 * The gateway's request metrics are what the alert rules and the dashboard query (deploy/monitoring): a histogram for
 * the p99, and path templates instead of one time series per municipality and id.
 */
@QuarkusTest
class RequestMetricsTest {

    private static final String TOKEN = TestTokens.user("varde-finance").roles("finance-officer").municipality("573")
            .token();

    @Test
    void requestsAreCountedByPathTemplateInAHistogram() {
        given().auth().oauth2(TOKEN).get("/api/v1/municipalities/573/proposals/4711/transitions").then()
                .statusCode(200);
        // the timer records when the answer has gone out, just after the client has it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("uri=\"/api/v1/municipalities/{municipalityCode}/proposals/{id}/transitions\""))
                .body(not(containsString("/municipalities/573/proposals/4711"))));
    }
}
