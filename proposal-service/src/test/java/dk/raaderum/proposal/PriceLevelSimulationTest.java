package dk.raaderum.proposal;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.presented;
import static dk.raaderum.proposal.support.Api.proposal;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.target.PriceIndexChangedV1;
import dk.raaderum.platform.events.target.PriceIndexChangedV1.YearIndex;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.platform.testing.TestEvents;
import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * PL-regulering of the simulation and of the catalog's targets: a catalog at 2026 prices against a target
 * target-service allocated at 2027 prices. The target is converted to the catalog's level with KL's default index
 * (2026 = 124.2587, 2027 = 126.9924, 2028 = 129.7862) until target-service's price-index.changed for the municipality
 * arrives on the real topic, then with the municipality's own (an older version ignored); a year the index lacks is 422.
 */
@QuarkusTest
class PriceLevelSimulationTest {

    private static final String M = "461";
    /** Keeps KL's default index (M gets its own in the first test). */
    private static final String DEFAULT_INDEX = "479";
    private static final int Y = 2026;

    @Test
    void targetsAtAnotherPriceLevelAreConvertedToTheCatalogsWithTheMunicipalitysIndex() {
        long catalog = createCatalog(M, Y);
        long saving = presented(M, catalog, proposal("ÆLD", "SAVING", "Samdrift af plejecentre", Y,
                -500_000, -500_000, -500_000, -500_000));
        String fo = Users.financeOfficer(M);
        as(fo).get(base(M) + "/catalogs/" + catalog).then().statusCode(200).body("priceLevelYear", equalTo(Y));
        long targetId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        KafkaTopics.send("target.allocated", Long.toString(targetId), allocation(M, targetId, 1, 2027));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(fo).get(base(M) + "/catalogs/" + catalog
                + "/targets?priceLevelYear=2027").then().body("find { it.areaCode == 'ÆLD' && it.year == " + Y
                        + " }.target", equalTo(1_000_000)));

        // KL's default: 1,000,000 × 124.2587 / 126.9924 = 978,473.5… → 978,474 at 2026 prices
        simulate(fo, catalog, saving).statusCode(200)
                .body("priceLevelYear", equalTo(Y))
                .body("priceLevel.year", equalTo(Y))
                .body("priceLevel.convertedFrom", contains(2027))
                .body("areas.find { it.areaCode == 'ÆLD' }.years.target", contains(978_474, 978_474, 978_474, 978_474))
                .body("areas.find { it.areaCode == 'ÆLD' }.years.covered", contains(500_000, 500_000, 500_000, 500_000))
                .body("areas.find { it.areaCode == 'ÆLD' }.years.gap", contains(478_474, 478_474, 478_474, 478_474));

        // the municipality's own index: 1,000,000 × 100 / 105 = 952,380.95… → 952,381; the area budget it rests on
        // (100,000,000 → 95,238,095) is converted too: 1 % frame reduction of it is 952,381 (952,380.95)
        TestEvents.send(Events.PRICE_INDEX_CHANGED, M, M, index(1, Map.of(2026, "100", 2027, "105")), Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> simulate(fo, catalog, saving).statusCode(200)
                .body("areas.find { it.areaCode == 'ÆLD' }.years.target", contains(952_381, 952_381, 952_381, 952_381)));
        as(fo).body(Map.of("proposalIds", List.of(saving), "frameReduction", Map.of("percentPerYear",
                List.of(Map.of("year", Y, "percent", 1)), "exemptAreas", List.of("SKO", "DAG", "TEK"))))
                .post(base(M) + "/catalogs/" + catalog + "/simulations").then().statusCode(200)
                .body("areas.find { it.areaCode == 'ÆLD' }.years[0].frameReduction", equalTo(952_381));

        // a target at 2030 prices: the municipality's index has no 2030
        KafkaTopics.send("target.allocated", Long.toString(targetId + 1), allocation(M, targetId + 1, 1, 2030));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertProblem(simulate(fo, catalog, saving), 422,
                "price-level-missing").body("year", equalTo(2030)).body("detail", containsString("2030")));

        // an older version of the index (with 2030), delivered late, changes nothing: once the event sent after it on
        // the same key (one for another municipality: poison) is dead-lettered, the older one was handled
        TestEvents.send(Events.PRICE_INDEX_CHANGED, M, M, index(0, Map.of(2026, "100", 2027, "105", 2030, "120")),
                Instant.now());
        TestEvents.send(Events.PRICE_INDEX_CHANGED, M, M, new PriceIndexChangedV1("101", 987_654_321L,
                List.of(new YearIndex(2030, BigDecimal.TEN, "MUNICIPALITY")), Instant.now()), Instant.now());
        KafkaTopics.await("price-index.changed.dlq", r -> r.value().contains("987654321"), 1, Duration.ofSeconds(60));
        assertProblem(simulate(fo, catalog, saving), 422, "price-level-missing").body("year", equalTo(2030));
    }

    @Test
    void aCatalogAtTheTargetsPriceLevelNeedsNoConversion() {
        long catalog = createCatalog(M, 2041);
        long saving = presented(M, catalog, proposal("SKO", "SAVING", "Færre skoler", 2041, -1, -1, -1, -1));
        simulate(Users.financeOfficer(M), catalog, saving).statusCode(200)
                .body("priceLevel.year", equalTo(2041))
                .body("priceLevel.convertedFrom", empty());
    }

    @Test
    void theCatalogsTargetsAreAtItsPriceLevelAsInTheSimulationOrAtTheOneAskedFor() {
        String m = DEFAULT_INDEX;
        long catalog = createCatalog(m, Y);
        long saving = presented(m, catalog, proposal("ÆLD", "SAVING", "Samdrift af plejecentre", Y,
                -500_000, -500_000, -500_000, -500_000));
        String fo = Users.financeOfficer(m);
        long targetId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        KafkaTopics.send("target.allocated", Long.toString(targetId), allocation(m, targetId, 1, 2027));
        String targets = base(m) + "/catalogs/" + catalog + "/targets";
        String aeld = "find { it.areaCode == 'ÆLD' && it.year == " + Y + " }";

        // the catalog's level (2026) by default: 1,000,000 × 124.2587 / 126.9924 = 978,473.51 → 978,474; the budget
        // 100,000,000 → 97,847,351.50 → 97,847,351
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(fo).get(targets).then().statusCode(200)
                .body(aeld + ".target", equalTo(978_474)));
        as(fo).get(targets).then().statusCode(200)
                .body(aeld + ".budget", equalTo(97_847_351))
                .body(aeld + ".priceLevel.year", equalTo(Y))
                .body(aeld + ".priceLevel.convertedFrom", contains(2027))
                .body(aeld + ".targetIds", contains((int) targetId))
                .body(aeld + ".allocations.targetId", contains((int) targetId))
                .body(aeld + ".allocations.allocatedAtPriceLevel", contains(2027));
        simulate(m, fo, catalog, saving).statusCode(200)
                .body("areas.find { it.areaCode == 'ÆLD' }.years[0].target", equalTo(978_474));

        // as allocated, and at 2028 prices: 1,000,000 × 129.7862 / 126.9924 = 1,021,999.74 → 1,022,000
        as(fo).get(targets + "?priceLevelYear=2027").then().statusCode(200)
                .body(aeld + ".target", equalTo(1_000_000))
                .body(aeld + ".budget", equalTo(100_000_000))
                .body(aeld + ".priceLevel.year", equalTo(2027))
                .body(aeld + ".priceLevel.convertedFrom", empty())
                .body(aeld + ".allocations.allocatedAtPriceLevel", contains(2027));
        as(fo).get(targets + "?priceLevelYear=2028").then().statusCode(200)
                .body(aeld + ".target", equalTo(1_022_000))
                .body(aeld + ".budget", equalTo(102_199_974))
                .body(aeld + ".priceLevel.convertedFrom", contains(2027));

        assertProblem(as(fo).get(targets + "?priceLevelYear=2040").then(), 422, "price-level-missing")
                .body("year", equalTo(2040)).body("detail", containsString("2040"));
        assertProblem(as(fo).get(targets + "?priceLevelYear=1999").then(), 400, "validation");
    }

    private static ValidatableResponse simulate(String token, long catalog, long... ids) {
        return simulate(M, token, catalog, ids);
    }

    private static ValidatableResponse simulate(String municipality, String token, long catalog, long... ids) {
        return as(token).body(Map.of("proposalIds", java.util.Arrays.stream(ids).boxed().toList()))
                .post(base(municipality) + "/catalogs/" + catalog + "/simulations").then();
    }

    private static PriceIndexChangedV1 index(long version, Map<Integer, String> years) {
        return new PriceIndexChangedV1(M, version, years.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new YearIndex(e.getKey(), new BigDecimal(e.getValue()), "MUNICIPALITY")).toList(),
                Instant.now());
    }

    /** target-service's allocation of 1,000,000 a year to ÆLD (budget 100,000,000) at {@code priceLevel}'s prices. */
    private static String allocation(String municipality, long targetId, int round, int priceLevel) {
        StringBuilder amounts = new StringBuilder();
        StringBuilder budget = new StringBuilder();
        for (int year = Y; year < Y + 4; year++) {
            amounts.append(amounts.isEmpty() ? "" : ",").append("{\"year\":").append(year).append(",\"amount\":1000000}");
            budget.append(budget.isEmpty() ? "" : ",").append("{\"year\":").append(year).append(",\"amount\":100000000}");
        }
        return """
                {"specversion":"1.0","id":"%s","source":"/raaderum/target-service","type":"dk.raaderum.target.allocated.v1",
                 "subject":"%d","time":"2026-03-01T10:00:00Z","datacontenttype":"application/json","municipality":"%s",
                 "data":{"targetId":%d,"round":%d,"budgetYear":%d,"priceLevelYear":%d,"targetName":"Effektiviseringsmål",
                   "responsibleBody":"FINANCE_COMMITTEE","allocatedAt":"2026-03-01T10:00:00Z",
                   "areas":[{"area":{"code":"ÆLD","name":"Ældreområdet","mainAccount":5,"committee":"Social- og Sundhedsudvalget"},
                             "amounts":[%s],"budget":[%s],"exempt":false}]}}"""
                .formatted(UUID.randomUUID(), targetId, municipality, targetId, round, Y, priceLevel, amounts, budget);
    }
}
