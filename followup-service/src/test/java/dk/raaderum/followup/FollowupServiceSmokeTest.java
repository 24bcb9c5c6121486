package dk.raaderum.followup;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dk.raaderum.platform.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

/** The application starts against real PostgreSQL and Kafka, is healthy and guards its API. */
@QuarkusTest
class FollowupServiceSmokeTest {

    @Test
    void startsHealthyWithDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publishesOpenApiAndMetrics() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Råderum followup-service"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("raaderum_outbox_pending"));
    }

    @Test
    void servesItsOwnMunicipalityAndGuardsOthers() {
        String varde = TestTokens.user("varde-finance").roles("finance-officer").municipality("573").token();
        given().auth().oauth2(varde).get("/api/v1/municipalities/573/initiatives").then().statusCode(200);
        assertProblem(given().auth().oauth2(varde).get("/api/v1/municipalities/260/initiatives").then(), 403,
                "wrong-municipality");
        assertProblem(given().get("/api/v1/municipalities/573/initiatives").then(), 401, "unauthenticated");
    }
}
