package dk.raaderum.target;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.raaderum.target.Fixture.Place;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The five paths in one plan: stated paths, paths from adopted proposals, realised potential, shares and gap. */
@QuarkusTest
class PathPlanTest {

    @Test
    void theFivePathsAddUpAgainstTheRoomNeeded() {
        Place place = Fixture.fresh();
        Map<String, Long> budget = new LinkedHashMap<>();
        budget.put("ÆLD", 600_000_000L);
        budget.put("DAG", 300_000_000L);
        budget.put("SKO", 500_000_000L);
        budget.put("ADM", 100_000_000L);
        Fixture.importBudget(place, budget);
        long target = Fixture.createTarget(place, Fixture.amountTarget(place, "ANNUAL_NEW", 30_000_000));

        // Broad: a saving and an efficiency; cross-cutting: an investment that costs first and pays later; and an
        // expansion that spends room.
        Fixture.sendAdopted(place, Fixture.adopted(place, Fixture.proposalId(), "SAVING", "ÆLD",
                Fixture.perYear(place, -2_000_000, -2_000_000, -2_000_000, -2_000_000), Instant.now()));
        Fixture.sendAdopted(place, Fixture.adopted(place, Fixture.proposalId(), "EFFICIENCY", "ADM",
                Fixture.perYear(place, -1_000_000, -1_000_000, -1_000_000, -1_000_000), Instant.now()));
        Fixture.sendAdopted(place, Fixture.adopted(place, Fixture.proposalId(), "INVESTMENT", "SKO",
                Fixture.perYear(place, 1_000_000, -2_000_000, -3_000_000, -3_000_000), Instant.now()));
        Fixture.sendAdopted(place, Fixture.adopted(place, Fixture.proposalId(), "EXPANSION", "DAG",
                Fixture.perYear(place, 500_000, 500_000, 500_000, 500_000), Instant.now()));

        // Narrow: 2 mio. realised of a day-care analysis in the budget year, 4 mio. from the year after.
        long analysis = place.asFinance().body(Map.of("name", "Dagtilbudsanalyse", "areas", List.of(
                        Map.of("code", "DAG", "name", "Dagtilbud", "volume", 1, "ownUnitCost", 1))))
                .post(place.base() + "/potential-analyses").then().statusCode(201).extract().jsonPath().getLong("id");
        place.asFinance().header("If-Match", "\"0\"").body(Map.of("realised", List.of(
                        Map.of("areaCode", "DAG", "year", place.budgetYear(), "amount", 2_000_000),
                        Map.of("areaCode", "DAG", "year", place.budgetYear() + 1, "amount", 4_000_000))))
                .put(place.base() + "/potential-analyses/" + analysis + "/realisation").then().statusCode(200);

        Map<String, Object> plan = Map.of("title", "Råderumsplan", "targetId", target,
                "quiet", List.of(Map.of("areaCode", "ADM", "kind", "PRICE_WAGE",
                        "percent", place.years().stream().map(y -> Map.of("year", y, "percent", 2)).toList())),
                "direct", Map.of("percent", List.of(Map.of("year", place.budgetYear(), "percent", 1)),
                        "exemptAreas", List.of("DAG")),
                "narrowAnalysisIds", List.of(analysis));
        place.asFinance().body(plan).put(place.base() + "/path-plans/" + place.budgetYear()).then().statusCode(201)
                .header("ETag", "\"0\"").header("Location", endsWith("/path-plans/" + place.budgetYear()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(place.politician())
                .get(place.base() + "/path-plans/" + place.budgetYear()).then().statusCode(200)
                .body("paths.find { it.path == 'CROSS_CUTTING' }.years[0].amount", equalTo(-1_000_000))
                .body("paths.find { it.path == 'BROAD' }.years[0].amount", equalTo(3_000_000))
                .body("expansions[0].amounts[0].amount", equalTo(500_000)));
        JsonPath view = given().auth().oauth2(place.politician()).get(place.base() + "/path-plans/" + place.budgetYear())
                .then().extract().jsonPath();
        // Quiet: 2 % of ADM's 100 mio. every year. Direct: 1 % of the 1,200 mio. not exempted, in the budget year.
        assertEquals(List.of(2_000_000, 2_000_000, 2_000_000, 2_000_000), path(view, "QUIET"));
        assertEquals(List.of(12_000_000, 0, 0, 0), path(view, "DIRECT"));
        assertEquals(List.of(3_000_000, 3_000_000, 3_000_000, 3_000_000), path(view, "BROAD"));
        assertEquals(List.of(-1_000_000, 2_000_000, 3_000_000, 3_000_000), path(view, "CROSS_CUTTING"));
        assertEquals(List.of(2_000_000, 4_000_000, 0, 0), path(view, "NARROW"));
        assertEquals("Den stille vej", view.getString("paths[0].name"));
        // The year: 2 + 12 + 3 − 1 + 2 = 18 mio. of the 30 mio. needed.
        assertEquals(18_000_000, view.getLong("summary[0].totalRoom"));
        assertEquals(30_000_000, view.getLong("summary[0].needed"));
        assertEquals(12_000_000, view.getLong("summary[0].gap"));
        assertEquals(60.0f, view.getFloat("summary[0].coveragePercent"));
        assertEquals(500_000, view.getLong("summary[0].expansions"));
        assertEquals(17_500_000, view.getLong("summary[0].netRoom"));
        assertEquals(66.67f, view.getFloat("paths.find { it.path == 'DIRECT' }.years[0].share"));
        // Over the horizon: 8 + 12 + 12 + 7 + 6 = 45 mio., so the direct path is 26.67 %.
        assertEquals(26.67f, view.getFloat("paths.find { it.path == 'DIRECT' }.sharePercent"));
        assertEquals(List.of("ÆLD", "SKO", "ADM", "DAG"),
                view.getList("paths.find { it.path == 'DIRECT' }.items.label"));

        String csv = given().auth().oauth2(place.finance()).accept("text/csv")
                .get(place.base() + "/path-plans/" + place.budgetYear()).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertEquals(true, csv.contains("DIRECT;Den direkte vej;12000000;0;0;0;12000000;26,67"), csv);
        assertEquals(true, csv.contains("NEEDED;Behov;30000000;30000000;30000000;30000000;120000000;"), csv);
    }

    @Test
    void aPlanIsCheckedAndReplacedWithTheCurrentVersion() {
        Place place = Fixture.fresh();
        Map<String, Object> quiet = new LinkedHashMap<>(Map.of("title", "Plan", "quiet", List.of(Map.of("areaCode", "ADM",
                "kind", "DEMOGRAPHY", "percent", List.of(Map.of("year", place.budgetYear(), "percent", 1))))));
        assertProblem(place.asFinance().body(quiet).put(place.base() + "/path-plans/" + place.budgetYear()).then(), 422,
                "business-rule").body("rule", equalTo("base-budget-required"));
        Fixture.importBudget(place, Map.of("ÆLD", 600_000_000L));
        assertProblem(place.asFinance().body(quiet).put(place.base() + "/path-plans/" + place.budgetYear()).then(), 422,
                "business-rule").body("rule", equalTo("path-plan")).body("errors[0].field", equalTo("quiet[0].areaCode"));
        Map<String, Object> both = Map.of("title", "Plan", "targetId", 1, "roomNeeded",
                List.of(Map.of("year", place.budgetYear() + 7, "amount", 1)));
        assertProblem(place.asFinance().body(both).put(place.base() + "/path-plans/" + place.budgetYear()).then(), 422,
                "business-rule").body("errors.field", hasItem("roomNeeded"))
                .body("errors.field", hasItem("targetId"))
                .body("errors.field", hasItem("roomNeeded[0].year"));
        Map<String, Object> tooMuch = Map.of("title", "Plan", "direct", Map.of("percent",
                List.of(Map.of("year", place.budgetYear(), "percent", 11))));
        assertProblem(place.asFinance().body(tooMuch).put(place.base() + "/path-plans/" + place.budgetYear()).then(), 400,
                "validation").body("errors[0].field", containsString("percent"));

        Map<String, Object> plan = new LinkedHashMap<>(Map.of("title", "Plan", "roomNeeded",
                List.of(Map.of("year", place.budgetYear(), "amount", 5_000_000))));
        place.asFinance().body(plan).put(place.base() + "/path-plans/" + place.budgetYear()).then().statusCode(201);
        plan.put("title", "Plan 2");
        place.asFinance().header("If-Match", "\"0\"").body(plan).put(place.base() + "/path-plans/" + place.budgetYear())
                .then().statusCode(200).body("title", equalTo("Plan 2")).body("summary[0].needed", equalTo(5_000_000))
                .body("summary[0].gap", equalTo(5_000_000));
        assertProblem(place.asFinance().header("If-Match", "\"0\"").body(plan)
                .put(place.base() + "/path-plans/" + place.budgetYear()).then(), 412, "precondition-failed");
        assertProblem(given().auth().oauth2(place.politician()).contentType("application/json").body(plan)
                .put(place.base() + "/path-plans/" + place.budgetYear()).then(), 403, "forbidden");
        given().auth().oauth2(place.programOwner()).get(place.base() + "/path-plans").then().statusCode(200)
                .body("items[0].title", equalTo("Plan 2"));
        given().auth().oauth2(place.programOwner()).accept("text/csv").get(place.base() + "/path-plans").then()
                .statusCode(200).body(containsString(place.budgetYear() + ";Plan 2;"));
        place.asFinance().delete(place.base() + "/path-plans/" + place.budgetYear()).then().statusCode(204);
        assertProblem(given().auth().oauth2(place.finance()).get(place.base() + "/path-plans/" + place.budgetYear())
                .then(), 404, "not-found");
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> path(JsonPath view, String path) {
        return (List<Integer>) (List<?>) view.getList("paths.find { it.path == '" + path + "' }.years.amount");
    }
}
