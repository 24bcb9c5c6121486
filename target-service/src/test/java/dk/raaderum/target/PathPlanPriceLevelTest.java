package dk.raaderum.target;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.raaderum.platform.events.proposal.ProposalAdoptedV1;
import dk.raaderum.platform.testing.Csv;
import dk.raaderum.target.Fixture.Place;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PL-regulering of the five-paths plan: stated at the base budget's price level (coverage's rule), adopted proposals
 * converted from their catalog's level, a target's requirement from its allocation round's, and a year the index lacks
 * is 422. Each test takes its own municipality (an index belongs to a municipality) and budget year 2027, which
 * Fixture.fresh() never hands out. KL's default index: 2026 = 124.2587, 2027 = 126.9924.
 */
@QuarkusTest
class PathPlanPriceLevelTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The note saying which level realised potential is taken at, as the answer words it. */
    private static final String NARROW_AT_2027 = "Narrow path: realised potential states no price level and is taken"
            + " as at 2027 prices";

    private static String plan(Place place) {
        return place.base() + "/path-plans/" + place.budgetYear();
    }

    @Test
    void thePlanIsAtTheBaseBudgetsPriceLevelAndSaysWhatWasConvertedFromWhich() {
        Place place = Fixture.at("167", 2027);
        // the target is allocated on the budget at 2026 prices; the budget is then imported again at 2027 prices
        Map<String, Object> at2026 = new HashMap<>(Fixture.budget(place, Map.of("ÆLD", 600_000_000L,
                "ADM", 100_000_000L)));
        at2026.put("priceLevelYear", 2026);
        place.asFinance().body(at2026).put(place.base() + "/budgets/2027").then().statusCode(201);
        long target = Fixture.createTarget(place, Fixture.amountTarget(place, "ANNUAL_NEW", 7_000_000));
        Fixture.allocate(place, target, Map.of("key", "UNIFORM", "reason", "Ensartet"));
        place.asFinance().header("If-Match", "\"0\"")
                .body(Fixture.budget(place, Map.of("ÆLD", 600_000_000L, "ADM", 100_000_000L)))
                .put(place.base() + "/budgets/2027").then().statusCode(200);

        ProposalAdoptedV1 saving = Fixture.adoptedAt(place, 2026, "SAVING", "ÆLD", -2_000_000);
        ProposalAdoptedV1 efficiency = Fixture.adoptedAt(place, 2027, "EFFICIENCY", "ADM", -500_000);
        ProposalAdoptedV1 expansion = Fixture.adoptedAt(place, 2026, "EXPANSION", "ÆLD", 1_000_000);
        List.of(saving, efficiency, expansion).forEach(p -> Fixture.sendAdopted(place, p));
        long analysis = place.asFinance().body(Map.of("name", "Administrationsanalyse", "areas", List.of(
                        Map.of("code", "ADM", "name", "Administration", "volume", 1, "ownUnitCost", 1))))
                .post(place.base() + "/potential-analyses").then().statusCode(201).extract().jsonPath().getLong("id");
        place.asFinance().header("If-Match", "\"0\"").body(Map.of("realised", List.of(
                        Map.of("areaCode", "ADM", "year", 2027, "amount", 300_000))))
                .put(place.base() + "/potential-analyses/" + analysis + "/realisation").then().statusCode(200);
        place.asFinance().body(Map.of("title", "Råderumsplan 2027", "targetId", target,
                        "quiet", List.of(Map.of("areaCode", "ADM", "kind", "PRICE_WAGE",
                                "percent", List.of(Map.of("year", 2027, "percent", 2)))),
                        "narrowAnalysisIds", List.of(analysis)))
                .put(plan(place)).then().statusCode(201);

        // 2,000,000 × 126.9924 / 124.2587 = 2,044,000.14 → 2,044,000; plus 500,000 already at 2027 prices
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(place.politician()).get(plan(place)).then()
                .statusCode(200).body("paths.find { it.path == 'BROAD' }.years[0].amount", equalTo(2_544_000))
                .body("expansions", hasSize(1)));
        String broad = "paths.find { it.path == 'BROAD' }";
        given().auth().oauth2(place.politician()).get(plan(place)).then().statusCode(200)
                .body("priceLevel.year", equalTo(2027))
                .body("priceLevel.convertedFrom", contains(2026))
                .body(broad + ".priceLevel.convertedFrom", contains(2026))
                .body(broad + ".items.find { it.label == '" + saving.number() + "' }.amounts.amount",
                        contains(2_044_000, 2_044_000, 2_044_000, 2_044_000))
                .body(broad + ".items.find { it.label == '" + saving.number() + "' }.priceLevel.year", equalTo(2027))
                .body(broad + ".items.find { it.label == '" + saving.number() + "' }.priceLevel.convertedFrom",
                        equalTo(2026))
                .body(broad + ".items.find { it.label == '" + efficiency.number() + "' }.priceLevel.convertedFrom",
                        nullValue())
                // 1,000,000 × 126.9924 / 124.2587 = 1,022,000.07 → 1,022,000 spent
                .body("expansions[0].amounts[0].amount", equalTo(1_022_000))
                .body("expansions[0].priceLevel.convertedFrom", equalTo(2026))
                // quiet: 2 % of ADM's 100 mio. at the budget's 2027 prices; narrow: taken as at 2027 prices
                .body("paths.find { it.path == 'QUIET' }.years[0].amount", equalTo(2_000_000))
                .body("paths.find { it.path == 'QUIET' }.priceLevel.convertedFrom", empty())
                .body("paths.find { it.path == 'NARROW' }.years[0].amount", equalTo(300_000))
                .body("paths.find { it.path == 'NARROW' }.items[0].priceLevel.convertedFrom", nullValue())
                .body("notes", hasItem(NARROW_AT_2027))
                // the 7 mio. target allocated at 2026 prices: × 126.9924 / 124.2587 = 7,154,000.48 → 7,154,000
                .body("roomNeededPriceLevel.year", equalTo(2027))
                .body("roomNeededPriceLevel.convertedFrom", equalTo(2026))
                .body("summary.needed", contains(7_154_000, 7_154_000, 7_154_000, 7_154_000))
                // 2,000,000 + 2,544,000 + 300,000 = 4,844,000 of 7,154,000
                .body("summary[0].totalRoom", equalTo(4_844_000))
                .body("summary[0].gap", equalTo(2_310_000))
                .body("summary[0].netRoom", equalTo(3_822_000));

        List<List<String>> csv = Csv.parse(given().auth().oauth2(place.finance()).accept("text/csv").get(plan(place))
                .then().statusCode(200).extract().asByteArray());
        List<String> header = csv.get(0);
        assertEquals(List.of("BROAD", "Den brede vej", "2544000", "2544000", "2544000", "2544000", "10176000"),
                Csv.row(csv, "BROAD").subList(0, 7));
        assertEquals("2027", Csv.row(csv, "BROAD").get(header.indexOf("prisniveau")));
        assertEquals("2026", Csv.row(csv, "BROAD").get(header.indexOf("omregnet_fra")));
        assertEquals("", Csv.row(csv, "QUIET").get(header.indexOf("omregnet_fra")));
        assertEquals("7154000", Csv.row(csv, "NEEDED").get(2));
        assertEquals("2026", Csv.row(csv, "NEEDED").get(header.indexOf("omregnet_fra")));
        assertEquals("2026", Csv.row(csv, "BROAD:" + saving.number()).get(header.indexOf("omregnet_fra")));
        assertEquals("", Csv.row(csv, "BROAD:" + efficiency.number()).get(header.indexOf("omregnet_fra")));
    }

    @Test
    void aPlanNeedingAYearTheIndexLacksIs422AndIsNotSavedUntilTheMunicipalityAddsIt() {
        Place place = Fixture.at("169", 2027);
        Fixture.importBudget(place, Map.of("ADM", 100_000_000L));
        Fixture.sendAdopted(place, Fixture.adoptedAt(place, 2015, "SAVING", "ADM", -1_000_000));
        // coverage says so once the proposal has arrived
        await().atMost(WAIT).untilAsserted(() -> assertProblem(given().auth().oauth2(place.finance())
                .get(place.base() + "/coverage/2027").then(), 422, "price-level-missing").body("year", equalTo(2015)));

        Map<String, Object> body = Map.of("title", "Plan", "roomNeeded", List.of(Map.of("year", 2027, "amount", 2_000_000)));
        assertProblem(place.asFinance().body(body).put(plan(place)).then(), 422, "price-level-missing")
                .body("year", equalTo(2015)).body("detail", containsString("2015"));
        assertProblem(given().auth().oauth2(place.finance()).get(plan(place)).then(), 404, "not-found");

        place.asFinance().header("If-Match", "\"0\"").body(Map.of("years", List.of(Map.of("year", 2015, "index", 90))))
                .put(place.base() + "/price-index").then().statusCode(200);
        // 1,000,000 × 126.9924 / 90 = 1,411,026.67 → 1,411,027; the room needed is stated at the plan's level
        place.asFinance().body(body).put(plan(place)).then().statusCode(201)
                .body("priceLevel.convertedFrom", contains(2015))
                .body("paths.find { it.path == 'BROAD' }.years[0].amount", equalTo(1_411_027))
                .body("roomNeededPriceLevel.convertedFrom", nullValue())
                .body("summary[0].gap", equalTo(588_973));

        // the municipality's index drops 2015 again: every read of the plan is 422 naming it
        place.asFinance().header("If-Match", "\"1\"").body(Map.of("years", List.of()))
                .put(place.base() + "/price-index").then().statusCode(200);
        assertProblem(given().auth().oauth2(place.politician()).get(plan(place)).then(), 422, "price-level-missing")
                .body("year", equalTo(2015));
        assertProblem(given().auth().oauth2(place.finance()).accept("text/csv").get(plan(place)).then(), 422,
                "price-level-missing").body("year", equalTo(2015));
    }
}
