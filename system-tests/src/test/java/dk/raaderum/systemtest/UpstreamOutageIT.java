package dk.raaderum.systemtest;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.devstack.App;
import dk.raaderum.devstack.LocalStack;

import org.junit.jupiter.api.Test;

import java.time.Duration;

/** A service stopped mid-test: the gateway answers a fast 503 problem naming it, and recovers when it is back. */
class UpstreamOutageIT {

    @Test
    void aStoppedServiceGivesA503ProblemAndRecovers() {
        LocalStack stack = SharedStack.stack();
        String token = SharedStack.keycloak().passwordToken("varde-finance");
        String ideas = SharedStack.gateway() + "/api/v1/ideas";
        given().auth().oauth2(token).get(ideas).then().statusCode(200);

        stack.stopApp(App.IDEA_BANK);
        try {
            long started = System.nanoTime();
            assertProblem(given().auth().oauth2(token).get(ideas).then(), 503, "service-unavailable")
                    .body("service", equalTo("idea-bank-service"));
            assertTrue(System.nanoTime() - started < 3_000_000_000L, "fast, not a hang");
            // the other services are not affected
            given().auth().oauth2(token).get(SharedStack.gateway() + "/api/v1/municipalities/573/catalogs").then()
                    .statusCode(200);
            given().get(SharedStack.gateway() + "/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'Upstream services' }.data.idea-bank-service", equalTo("DOWN"));
        } finally {
            stack.startApp(App.IDEA_BANK);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> given().auth().oauth2(token).get(ideas).then().statusCode(200));
    }
}
