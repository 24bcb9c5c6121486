package dk.raaderum.target;

import static dk.raaderum.platform.testing.ServiceChecks.assertEverySuccessDescribed;
import static dk.raaderum.platform.testing.ServiceChecks.assertHealthyWithDatabaseAndKafka;
import static dk.raaderum.platform.testing.ServiceChecks.assertOpenApiAndOutboxMetrics;
import static dk.raaderum.platform.testing.ServiceChecks.assertTenantGuarded;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

/** The application starts against real PostgreSQL and Kafka, is healthy and guards its API. */
@QuarkusTest
class TargetServiceSmokeTest {

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
        assertOpenApiAndOutboxMetrics("target-service");
    }

    @Test
    void servesItsOwnMunicipalityAndGuardsOthers() {
        assertTenantGuarded("targets");
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
}
