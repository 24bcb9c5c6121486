package dk.raaderum.target;

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
class TargetServiceSmokeTest {

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
                .body("info.title", equalTo("Råderum target-service"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("raaderum_outbox_pending"));
    }

    @Test
    void documentsEveryOperationWithItsErrors() {
        String allocations = "paths.'/api/v1/municipalities/{municipalityCode}/targets/{targetId}/allocations'.post";
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(allocations + ".summary", containsString("Allocate"))
                .body(allocations + ".responses.'401'.description", containsString("unauthenticated"))
                .body(allocations + ".responses.'422'.description", containsString("manual-exceeds-target"))
                .body(allocations + ".tags[0]", equalTo("Allocation rounds"))
                .body("paths.'/api/v1/kl/targets/summary'.get.responses.'403'.description", containsString("KL curator"))
                .body(allocations + ".responses.'422'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("components.schemas.AllocationRequest.properties.reason.examples[0]", containsString("Fordeling"));
    }

    @Test
    void servesItsOwnMunicipalityAndGuardsOthers() {
        String varde = TestTokens.user("varde-finance").roles("finance-officer").municipality("573").token();
        given().auth().oauth2(varde).get("/api/v1/municipalities/573/targets").then().statusCode(200);
        assertProblem(given().auth().oauth2(varde).get("/api/v1/municipalities/260/targets").then(), 403,
                "wrong-municipality");
        assertProblem(given().get("/api/v1/municipalities/573/targets").then(), 401, "unauthenticated");
    }
}
