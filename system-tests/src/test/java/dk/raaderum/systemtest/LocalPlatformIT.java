package dk.raaderum.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dk.raaderum.devstack.App;
import dk.raaderum.devstack.LocalStack;
import dk.raaderum.devstack.StackOptions;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local run as a newcomer gets it: the launcher brings PostgreSQL, Kafka, Keycloak and every packaged
 * application to healthy, and real Keycloak tokens are accepted, confined to their municipality, or refused.
 */
class LocalPlatformIT {

    private static LocalStack stack;
    private static Keycloak keycloak;

    @BeforeAll
    static void startPlatform() throws Exception {
        Path state = Files.createDirectories(Path.of("target", "system-test-state")).toAbsolutePath();
        stack = LocalStack.start(StackOptions.ephemeral(Repo.root(), state, line -> System.out.println("[stack] " + line)));
        keycloak = new Keycloak(stack.keycloakIssuer());
    }

    @AfterAll
    static void stopPlatform() {
        if (stack != null) {
            stack.close();
        }
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
        given().auth().oauth2(token).get(proposals + "260/catalogs").then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://raaderum.dk/problems/wrong-municipality"));
        given().auth().oauth2(token).get(stack.url(App.TARGET) + "/api/v1/municipalities/573/targets").then().statusCode(200);
        given().auth().oauth2(token).get(stack.url(App.FOLLOWUP) + "/api/v1/municipalities/573/initiatives").then()
                .statusCode(200);
        given().auth().oauth2(token).get(stack.url(App.IDEA_BANK) + "/api/v1/ideas").then().statusCode(200);
    }

    @Test
    void callWithoutTokenIs401() {
        given().get(stack.url(App.PROPOSAL) + "/api/v1/municipalities/573/catalogs").then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://raaderum.dk/problems/unauthenticated"));
    }

    @Test
    void machineClientIsBoundToItsMunicipality() {
        String token = keycloak.clientToken("varde-budget-system", "varde-budget-system-secret");
        String proposals = stack.url(App.PROPOSAL) + "/api/v1/municipalities/";
        given().auth().oauth2(token).get(proposals + "573/catalogs").then().statusCode(200);
        given().auth().oauth2(token).get(proposals + "260/catalogs").then().statusCode(403);
    }

    @Test
    void klAggregatorReadsTheIdeaBankButNoMunicipalityCatalog() {
        String token = keycloak.clientToken("kl-aggregator", "kl-aggregator-secret");
        given().auth().oauth2(token).get(stack.url(App.IDEA_BANK) + "/api/v1/ideas").then().statusCode(200);
        given().auth().oauth2(token).get(stack.url(App.PROPOSAL) + "/api/v1/municipalities/573/catalogs").then()
                .statusCode(403);
    }
}
