package dk.raaderum.ideabank;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static dk.raaderum.platform.testing.ServiceChecks.assertEverySuccessDescribed;
import static dk.raaderum.platform.testing.ServiceChecks.assertHealthyWithDatabaseAndKafka;
import static dk.raaderum.platform.testing.ServiceChecks.assertOpenApiAndOutboxMetrics;
import static io.restassured.RestAssured.given;

import dk.raaderum.platform.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

/** The application starts against real PostgreSQL and Kafka, is healthy and guards its API. */
@QuarkusTest
class IdeaBankServiceSmokeTest {

    @Test
    void startsHealthyWithDatabaseAndKafka() {
        assertHealthyWithDatabaseAndKafka();
    }

    @Test
    void describesEverySuccessfulAnswer() {
        assertEverySuccessDescribed();
    }

    @Test
    void publishesOpenApiAndMetrics() {
        assertOpenApiAndOutboxMetrics("idea-bank-service");
    }

    @Test
    void readableByEverySignedInRoleButNotAnonymously() {
        String curator = TestTokens.user("kl-curator").roles("kl-curator").token();
        given().auth().oauth2(curator).get("/api/v1/ideas").then().statusCode(200);
        assertProblem(given().get("/api/v1/ideas").then(), 401, "unauthenticated");
        assertProblem(given().auth().oauth2(curator).queryParam("limit", 0).get("/api/v1/ideas").then(), 400, "validation");
    }
}
