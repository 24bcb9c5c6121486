package dk.raaderum.target;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dk.raaderum.platform.testing.TestTokens;
import dk.raaderum.target.Fixture.Place;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KL's aggregated, anonymised figures: only adopted targets, no municipality codes, groups of fewer than three
 * municipalities suppressed. Uses budget years 2096–2097, which no other test touches.
 */
@QuarkusTest
class KlTest {

    private static final String KL = TestTokens.user("kl-curator").roles("kl-curator").token();

    private static Place municipality(String code, int year, String percent, Map<String, Object> allocation) {
        Place place = Fixture.at(code, year);
        Map<String, Long> budget = new LinkedHashMap<>();
        budget.put("ÆLD", 600_000_000L);
        budget.put("ADM", 400_000_000L);
        Fixture.importBudget(place, budget);
        long id = Fixture.createTarget(place, Fixture.percentTarget(place, "ANNUAL_NEW", percent));
        if (allocation != null) {
            Fixture.allocate(place, id, allocation);
            Fixture.adopt(place, id);
        }
        return place;
    }

    @Test
    void curatorsSeeTheSpreadOfAdoptedTargetsWithoutMunicipalities() {
        Place a = municipality("851", 2096, "1.0", Map.of("key", "UNIFORM", "reason", "r"));
        Place b = municipality("751", 2096, "1.5", Map.of("key", "DIFFERENTIATED", "reason", "r", "areas", List.of(
                Map.of("areaCode", "ÆLD", "spendingIndex", 110), Map.of("areaCode", "ADM", "spendingIndex", 90))));
        Place c = municipality("461", 2096, "2.0", Map.of("key", "UNIFORM", "reason", "r", "areas", List.of(
                Map.of("areaCode", "ADM", "exempt", true))));
        municipality("561", 2096, "3.0", null); // a draft: never counted

        given().auth().oauth2(KL).queryParam("budgetYear", 2096).get("/api/v1/kl/targets/summary").then()
                .statusCode(200)
                .body("municipalities", equalTo(3))
                .body("targets", equalTo(3))
                .body("suppressed", equalTo(false))
                .body("requirementPercent[0].municipalities", equalTo(3))
                .body("requirementPercent[0].distribution.min", equalTo(1.0f))
                .body("requirementPercent[0].distribution.median", equalTo(1.5f))
                .body("requirementPercent[0].distribution.max", equalTo(2.0f))
                .body("requirementPercent[0].distribution.mean", equalTo(1.5f))
                .body("byKey.find { it.value == 'UNIFORM' }.targets", equalTo(2))
                .body("byKey.find { it.value == 'DIFFERENTIATED' }.targets", equalTo(1))
                .body("byResponsibleBody[0].value", equalTo("STANDING_COMMITTEE"))
                .body("withExemptionsPercent", equalTo(33.33f))
                .body(not(containsString("851")))
                .body(not(containsString("\"municipality\"")));

        for (Place place : List.of(a, b, c)) {
            long saving = place == a ? -3_000_000 : place == b ? -5_000_000 : -10_000_000;
            Fixture.sendAdopted(place, Fixture.adopted(place, Fixture.proposalId(), "SAVING", "ÆLD",
                    Fixture.perYear(place, saving, saving, saving, saving), Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(KL)
                .queryParam("budgetYear", 2096).get("/api/v1/kl/targets/coverage").then().statusCode(200)
                .body("mainAccounts.find { it.mainAccount == 5 }.years[0].covered", equalTo(18_000_000)));
        given().auth().oauth2(KL).queryParam("budgetYear", 2096).get("/api/v1/kl/targets/coverage").then()
                .body("mainAccounts[0].name", equalTo("Alle områder"))
                .body("mainAccounts[0].years[0].municipalities", equalTo(3))
                .body("mainAccounts[0].years[0].target", equalTo(45_000_000))
                .body("mainAccounts.find { it.mainAccount == 5 }.name", equalTo("Sociale opgaver og beskæftigelse mv."))
                .body("mainAccounts.find { it.mainAccount == 5 }.years[0].target", equalTo(35_705_882))
                .body("mainAccounts.find { it.mainAccount == 5 }.years[0].coveragePercent", equalTo(50.41f))
                // ADM has a target in two municipalities only: suppressed.
                .body("mainAccounts.find { it.mainAccount == 6 }.years[0].municipalities", equalTo(2))
                .body("mainAccounts.find { it.mainAccount == 6 }.years[0].suppressed", equalTo(true))
                .body("mainAccounts.find { it.mainAccount == 6 }.years[0].target", nullValue());
        given().auth().oauth2(KL).accept("text/csv").queryParam("budgetYear", 2096).get("/api/v1/kl/targets/summary")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .body(containsString("krav_pct_af_driftsbudget;;2096;3;1,00;1,25;1,50;1,75;2,00;1,50;"));
    }

    @Test
    void fewerThanThreeMunicipalitiesAreSuppressed() {
        municipality("860", 2097, "1.0", Map.of("key", "UNIFORM", "reason", "r"));
        municipality("849", 2097, "2.0", Map.of("key", "UNIFORM", "reason", "r"));
        given().auth().oauth2(KL).queryParam("budgetYear", 2097).get("/api/v1/kl/targets/summary").then()
                .statusCode(200)
                .body("municipalities", equalTo(2))
                .body("suppressed", equalTo(true))
                .body("requirementPercent", empty())
                .body("byKey", empty());
        given().auth().oauth2(KL).queryParam("budgetYear", 2097).get("/api/v1/kl/targets/coverage").then()
                .statusCode(200).body("mainAccounts[0].years[0].suppressed", equalTo(true));
    }

    @Test
    void onlyKlCuratorsReadTheAggregates() {
        Place place = Fixture.fresh();
        assertProblem(given().auth().oauth2(place.finance()).queryParam("budgetYear", 2096)
                .get("/api/v1/kl/targets/summary").then(), 403, "forbidden");
        assertProblem(given().queryParam("budgetYear", 2096).get("/api/v1/kl/targets/coverage").then(), 401,
                "unauthenticated");
        assertProblem(given().auth().oauth2(KL).get("/api/v1/kl/targets/summary").then(), 400, "validation");
        assertProblem(given().auth().oauth2(KL).get(place.base() + "/targets").then(), 403, "forbidden");
    }
}
