package dk.raaderum.proposal;

import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.presented;
import static dk.raaderum.proposal.support.Api.proposal;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.target.BudgetAdjustmentsChangedV1;
import dk.raaderum.platform.events.target.BudgetAdjustmentsChangedV1.Line;
import dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1;
import dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1.KeyFigure;
import dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1.YearValue;
import dk.raaderum.platform.events.target.PolicyAreasChangedV1;
import dk.raaderum.platform.events.target.PolicyAreasChangedV1.RegisteredArea;
import dk.raaderum.platform.events.target.PriceIndexChangedV1;
import dk.raaderum.platform.events.target.PriceIndexChangedV1.YearIndex;
import dk.raaderum.platform.events.target.TargetAllocatedV1;
import dk.raaderum.platform.events.target.TargetAllocatedV1.AreaAllocation;
import dk.raaderum.platform.testing.ScrapedMetrics;
import dk.raaderum.platform.testing.TestEvents;
import dk.raaderum.proposal.service.simulation.SimulationInputs;
import dk.raaderum.proposal.support.Api;
import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A simulation keeps what it reads besides the catalog's proposals (the catalog's heading and areas, targets, register
 * of policy areas, economic policy, price index, agreement, budget adjustments) between requests, and every change of
 * any of them counts in the next simulation: each step below simulates once with the inputs kept, changes one input,
 * and waits for a simulation that shows the change (kept inputs that missed it would be served until the wait gives
 * up); a change made through this service's API counts in the very next simulation.
 */
@QuarkusTest
class SimulationInputsTest {

    /** Thisted: no other test uses it. */
    private static final String M = "787";
    private static final int Y = 2027;
    private static final String SOCIAL = "Social- og Sundhedsudvalget";
    private static final PolicyAreaRef AELD = new PolicyAreaRef("ÆLD", "Ældreområdet", 5, SOCIAL);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long TARGET_ID = 787_000_001L;
    private static final List<String> KEPT = List.of(SimulationInputs.INPUTS_CACHE, SimulationInputs.CATALOGS_CACHE);

    @Test
    void everyChangeOfWhatASimulationReadsCountsInTheNextOne() {
        long catalog = createCatalog(M, Y);
        long saving = presented(M, catalog, proposal("ÆLD", "SAVING", "Samdrift af plejecentre", Y,
                -500_000, -500_000, -500_000, -500_000));
        String fo = Users.financeOfficer(M);
        simulate(fo, catalog, saving).statusCode(200)
                .body(aeld() + ".years[0].target", nullValue())
                .body("policy.adopted", equalTo(false))
                .body("agreement", nullValue());

        // targets: a first round, then a round at the year before's prices, converted with KL's default, then with the
        // municipality's own index as it arrives and changes
        allocate(1, Y);
        await().atMost(WAIT).untilAsserted(() -> simulate(fo, catalog, saving).statusCode(200)
                .body(aeld() + ".years.target", contains(1_000_000, 1_000_000, 1_000_000, 1_000_000))
                .body("priceLevel.convertedFrom", empty()));
        allocate(2, Y - 1);
        await().atMost(WAIT).untilAsserted(() -> simulate(fo, catalog, saving).statusCode(200)
                .body("priceLevel.convertedFrom", contains(Y - 1)));
        index(1, "110");
        await().atMost(WAIT).untilAsserted(() -> simulate(fo, catalog, saving).statusCode(200)
                .body(aeld() + ".years.target", contains(1_100_000, 1_100_000, 1_100_000, 1_100_000)));
        index(2, "120");
        await().atMost(WAIT).untilAsserted(() -> simulate(fo, catalog, saving).statusCode(200)
                .body(aeld() + ".years.target", contains(1_200_000, 1_200_000, 1_200_000, 1_200_000)));

        // the register of policy areas: first without the schools, then with every area of the catalog
        register(1, area("ÆLD", "Ældreområdet"), area("TEK", "Teknik og miljø"));
        await().atMost(WAIT).untilAsserted(() -> simulate(fo, catalog, saving).statusCode(200)
                .body("warnings.find { it.code == 'AREA_NOT_IN_REGISTER' }.message", containsString("DAG, SKO")));
        register(2, area("ÆLD", "Ældreområdet"), area("TEK", "Teknik og miljø"), area("SKO", "Skoleområdet"),
                area("DAG", "Dagtilbud"));
        await().atMost(WAIT).untilAsserted(() -> simulate(fo, catalog, saving).statusCode(200)
                .body("warnings.code", not(hasItem("AREA_NOT_IN_REGISTER"))));

        // the catalog's own areas: one renamed in the register (the open catalog follows), one added here, at once
        register(3, area("ÆLD", "Ældre og sundhed"), area("TEK", "Teknik og miljø"), area("SKO", "Skoleområdet"),
                area("DAG", "Dagtilbud"), area("KUL", "Kultur og fritid"));
        await().atMost(WAIT).untilAsserted(() -> simulate(fo, catalog, saving).statusCode(200)
                .body(aeld() + ".areaName", equalTo("Ældre og sundhed")));
        as(fo).body(Api.area("KUL", "Kultur og fritid", 3, "Kultur- og Fritidsudvalget"))
                .post(base(M) + "/catalogs/" + catalog + "/areas").then().statusCode(200);
        simulate(fo, catalog, saving).statusCode(200).body("areas.areaCode", hasItem("KUL"));

        // the economic policy, adopted and adopted again
        policy(1);
        await().atMost(WAIT).untilAsserted(() -> simulate(fo, catalog, saving).statusCode(200)
                .body("policy.version", equalTo(1)));
        policy(2);
        await().atMost(WAIT).untilAsserted(() -> simulate(fo, catalog, saving).statusCode(200)
                .body("policy.version", equalTo(2)));

        // an agreement recorded here counts at once; the budget adjustments that raise its frames once they arrive
        long agreement = as(fo).body(agreement()).post(base(M) + "/agreements").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        simulate(fo, catalog, saving).statusCode(200)
                .body("agreement.agreementId", equalTo((int) agreement))
                .body(social() + ".years.frame", contains(405_000_000, 405_000_000));
        TestEvents.send(Events.BUDGET_ADJUSTMENTS_CHANGED, M + ":" + Y, M, new BudgetAdjustmentsChangedV1(M, Y, Y, 1,
                List.of(new Line(1, "PRICE_WAGE", AELD, LocalDate.of(2026, 9, 1), "PL for ÆLD",
                        List.of(new YearAmount(Y + 1, 4_000_000)), true)), Instant.now()), Instant.now());
        await().atMost(WAIT).untilAsserted(() -> simulate(fo, catalog, saving).statusCode(200)
                .body(social() + ".years.frame", contains(405_000_000, 409_000_000)));

        // the catalog's price level moved: the next simulation is stated at the new level
        as(fo).header("If-Match", "\"0\"").body(Map.of("title", "Katalog " + Y, "priceLevelYear", Y - 1))
                .put(base(M) + "/catalogs/" + catalog).then().statusCode(200).body("priceLevelYear", equalTo(Y - 1));
        simulate(fo, catalog, saving).statusCode(200).body("priceLevel.year", equalTo(Y - 1));

        // what is kept counts as a hit while it is used, and a change makes the next simulation a miss of both
        simulate(fo, catalog, saving).statusCode(200);
        Map<String, Double> before = cacheGets();
        simulate(fo, catalog, saving).statusCode(200);
        assertThat(cacheGets(), equalTo(plus(before, "hit", 1)));
        as(fo).header("If-Match", "\"1\"").body(Map.of("title", "Katalog " + Y, "priceLevelYear", Y))
                .put(base(M) + "/catalogs/" + catalog).then().statusCode(200).body("priceLevelYear", equalTo(Y));
        simulate(fo, catalog, saving).statusCode(200).body("priceLevel.year", equalTo(Y));
        assertThat(cacheGets(), equalTo(plus(plus(before, "hit", 1), "miss", 1)));
    }

    /** cache_gets_total of what a simulation keeps, by cache and result. */
    private static Map<String, Double> cacheGets() {
        String scrape = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> gets = new TreeMap<>();
        for (String cache : KEPT) {
            for (String result : List.of("hit", "miss")) {
                gets.put(cache + " " + result, ScrapedMetrics.sum(scrape, "cache_gets_total", "cache=\"" + cache + "\"",
                        "result=\"" + result + "\""));
            }
        }
        return gets;
    }

    /** The gets with {@code count} more of the result in each kept cache. */
    private static Map<String, Double> plus(Map<String, Double> gets, String result, int count) {
        Map<String, Double> more = new TreeMap<>(gets);
        KEPT.forEach(cache -> more.merge(cache + " " + result, (double) count, Double::sum));
        return more;
    }

    private static ValidatableResponse simulate(String token, long catalog, long id) {
        return as(token).body(Map.of("proposalIds", List.of(id))).post(base(M) + "/catalogs/" + catalog + "/simulations")
                .then();
    }

    private static String aeld() {
        return "areas.find { it.areaCode == 'ÆLD' }";
    }

    private static String social() {
        return "agreement.committees.find { it.committee == '" + SOCIAL + "' }";
    }

    /** Round {@code round} of one target: 1,000,000 a year for ÆLD (budget 400 mio. kr.) at {@code priceLevel}. */
    private static void allocate(int round, int priceLevel) {
        List<YearAmount> amounts = new ArrayList<>();
        List<YearAmount> budgets = new ArrayList<>();
        for (int year = Y; year < Y + 4; year++) {
            amounts.add(new YearAmount(year, 1_000_000));
            budgets.add(new YearAmount(year, 400_000_000));
        }
        TestEvents.send(Events.TARGET_ALLOCATED, Long.toString(TARGET_ID), M, new TargetAllocatedV1(TARGET_ID, round,
                Y, priceLevel, "Effektiviseringsmål", "FINANCE_COMMITTEE", List.of(new AreaAllocation(AELD, amounts,
                        budgets, false)), Instant.now()), Instant.now());
    }

    /** Version {@code version} of the municipality's index: 100 in the year before, {@code next} in the budget year. */
    private static void index(long version, String next) {
        TestEvents.send(Events.PRICE_INDEX_CHANGED, M, M, new PriceIndexChangedV1(M, version, List.of(
                new YearIndex(Y - 1, new BigDecimal("100"), "MUNICIPALITY"),
                new YearIndex(Y, new BigDecimal(next), "MUNICIPALITY")), Instant.now()), Instant.now());
    }

    private static RegisteredArea area(String code, String name) {
        return new RegisteredArea(code, name, 5, SOCIAL, true);
    }

    private static void register(long revision, RegisteredArea... areas) {
        TestEvents.send(Events.POLICY_AREA_CHANGED, M, M, new PolicyAreasChangedV1(revision, List.of(areas),
                Instant.now()), Instant.now());
    }

    /** Budget levers of at least 1 % of 100 mio. kr. every year. */
    private static void policy(int version) {
        List<YearValue> percent = new ArrayList<>();
        List<YearValue> basis = new ArrayList<>();
        for (int year = Y; year < Y + 4; year++) {
            percent.add(new YearValue(year, BigDecimal.ONE));
            basis.add(new YearValue(year, new BigDecimal("100000000")));
        }
        KeyFigure room = new KeyFigure("room", "Budgethåndtag", EconomicPolicyAdoptedV1.ROOM,
                EconomicPolicyAdoptedV1.PERCENT, EconomicPolicyAdoptedV1.AT_LEAST, percent, null, basis);
        TestEvents.send(Events.ECONOMIC_POLICY_ADOPTED, M, M, new EconomicPolicyAdoptedV1(M, 787, version, Y, Y,
                List.of(room), "BY 2026-06-18 pkt. " + version, "Økonomichef", Instant.now()), Instant.now());
    }

    private static Map<String, Object> agreement() {
        return Map.of("title", "Budgetaftale " + Y + "–" + (Y + 1), "firstBudgetYear", Y, "lastBudgetYear", Y + 1,
                "decisionReference", "BY 2026-10-06 pkt. 4", "committees", List.of(Map.of("name", SOCIAL, "areaCodes",
                        List.of("ÆLD"), "frames", List.of(Map.of("year", Y, "amount", 405_000_000),
                                Map.of("year", Y + 1, "amount", 405_000_000)))));
    }
}
