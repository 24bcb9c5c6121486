package dk.raaderum.systemtest;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import dk.raaderum.devstack.App;
import dk.raaderum.devstack.LocalStack;

import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;


/**
 * The local run as a newcomer gets it: the launcher brings PostgreSQL, Kafka, Keycloak and every packaged
 * application to healthy, and real Keycloak tokens are accepted, confined to their municipality, or refused.
 */
class LocalPlatformIT {

    private static LocalStack stack;
    private static Keycloak keycloak;

    @BeforeAll
    static void platform() {
        stack = SharedStack.stack();
        keycloak = SharedStack.keycloak();
    }

    @Test
    void everyApplicationIsHealthy() {
        for (App app : App.ALL) {
            given().get(stack.url(app) + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void vardeFinanceOfficerPasswordTokenIsAcceptedForVardeOnly() {
        String token = keycloak.passwordToken("varde-finance");
        String proposals = stack.url(App.PROPOSAL) + "/api/v1/municipalities/";
        given().auth().oauth2(token).get(proposals + "573/catalogs").then().statusCode(200);
        assertProblem(given().auth().oauth2(token).get(proposals + "260/catalogs").then(), 403, "wrong-municipality");
        given().auth().oauth2(token).get(stack.url(App.TARGET) + "/api/v1/municipalities/573/targets").then().statusCode(200);
        given().auth().oauth2(token).get(stack.url(App.FOLLOWUP) + "/api/v1/municipalities/573/initiatives").then()
                .statusCode(200);
        given().auth().oauth2(token).get(stack.url(App.IDEA_BANK) + "/api/v1/ideas").then().statusCode(200);
    }

    @Test
    void callWithoutTokenIs401() {
        assertProblem(given().get(stack.url(App.PROPOSAL) + "/api/v1/municipalities/573/catalogs").then(), 401,
                "unauthenticated");
    }

    @Test
    void machineClientIsBoundToItsMunicipality() {
        String token = keycloak.clientToken("varde-budget-system", "varde-budget-system-secret");
        String proposals = stack.url(App.PROPOSAL) + "/api/v1/municipalities/";
        given().auth().oauth2(token).get(proposals + "573/catalogs").then().statusCode(200);
        given().auth().oauth2(token).get(proposals + "260/catalogs").then().statusCode(403);
    }

    @Test
    void klAggregatorReadsAcrossMunicipalitiesWhereAllowedButWritesNothing() {
        String token = keycloak.clientToken("kl-aggregator", "kl-aggregator-secret");
        given().auth().oauth2(token).get(stack.url(App.IDEA_BANK) + "/api/v1/ideas").then().statusCode(200);
        given().auth().oauth2(token).get(stack.url(App.PROPOSAL) + "/api/v1/municipalities/573/catalogs").then()
                .statusCode(200);
        given().auth().oauth2(token).contentType("application/json").body("{}")
                .post(stack.url(App.PROPOSAL) + "/api/v1/municipalities/573/catalogs").then().statusCode(403);
        given().auth().oauth2(token).get(stack.url(App.TARGET) + "/api/v1/municipalities/573/budgets").then()
                .statusCode(403);
    }

    @Test
    void theLocalRunShowsRealisticDemoDataThroughTheGateway() {
        String ringsted = keycloak.passwordToken("ringsted-finance");
        String base = SharedStack.gateway() + "/api/v1/municipalities/329";
        io.restassured.path.json.JsonPath catalogs = given().auth().oauth2(ringsted).get(base + "/catalogs").then()
                .statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(2027, 2026), catalogs.getList("budgetYear"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("OPEN", "ADOPTED"), catalogs.getList("status"));
        long current = catalogs.getLong("find { it.budgetYear == 2027 }.id");
        given().auth().oauth2(ringsted).get(base + "/catalogs/" + current + "/proposals?size=1").then().statusCode(200)
                .body("total", equalTo(200));
        // target-service's demo target reached proposal-service, and the 2026 adoption reached followup-service
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().auth().oauth2(ringsted).get(base + "/catalogs/" + current + "/targets").then().statusCode(200)
                    .body("size()", greaterThan(0));
            given().auth().oauth2(ringsted).get(base + "/initiatives?catalogYear=2026").then().statusCode(200)
                    .body("total", greaterThan(40));
        });
    }
}
