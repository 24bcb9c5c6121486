package dk.raaderum.ideabank;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static dk.raaderum.platform.testing.ServiceChecks.assertEverySuccessDescribed;
import static dk.raaderum.platform.testing.ServiceChecks.assertHealthyWithDatabaseAndKafka;
import static dk.raaderum.platform.testing.ServiceChecks.assertOpenApiAndOutboxMetrics;
import static dk.raaderum.platform.testing.ServiceChecks.assertTenantGuarded;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;

import dk.raaderum.ideabank.support.Tokens;

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
    void municipalPathsAreGuarded() {
        assertTenantGuarded("ideas");
    }

    @Test
    void readableByEverySignedInRoleButNotAnonymously() {
        for (String token : new String[] { Tokens.curator(), Tokens.finance("573"), Tokens.politician("573"),
                Tokens.owner("573"), Tokens.machine("573") }) {
            given().auth().oauth2(token).get("/api/v1/ideas").then().statusCode(200);
        }
        assertProblem(given().get("/api/v1/ideas").then(), 401, "unauthenticated");
        assertProblem(given().auth().oauth2(Tokens.curator()).queryParam("size", 0).get("/api/v1/ideas").then(), 400,
                "validation");
        given().get("/api/v1/open-data/ideas").then().statusCode(200);
    }

    @Test
    void theNationalPolicyAreasAreShippedAsData() {
        given().auth().oauth2(Tokens.finance("101")).get("/api/v1/ideas/policy-areas").then().statusCode(200)
                .body("code", hasItems("aeldre", "dagtilbud", "skole", "boern-familie", "handicap-psykiatri",
                        "beskaeftigelse", "sundhed", "kultur-fritid", "natur-miljoe-teknik", "veje-trafik", "bygninger",
                        "it-digitalisering", "tvaergaaende", "administration"))
                .body("mainAccount", hasItems(0, 1, 2, 3, 4, 5, 6));
    }
}
