package dk.raaderum.followup;

import static dk.raaderum.followup.support.Api.WAIT;
import static dk.raaderum.followup.support.Api.as;
import static dk.raaderum.followup.support.Api.base;
import static dk.raaderum.followup.support.Api.createEfficiency;
import static dk.raaderum.followup.support.Api.initiative;
import static dk.raaderum.followup.support.Api.reportBody;
import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.raaderum.followup.support.Tokens;
import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.target.PriceIndexChangedV1;
import dk.raaderum.platform.events.target.PriceIndexChangedV1.YearIndex;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.platform.testing.TestEvents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The realisation ratio of the register compares like with like: a report is at the prices of the year it reports
 * on, the expectation at the initiative's price level, so the realised amount is converted to that level with the
 * municipality's index before the ratio and status are computed (report, slot, year, totals, list, event).
 */
@QuarkusTest
class PriceLevelRatioTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theRatioOfAReportAtAnotherPriceLevelThanTheInitiativesIsTheConvertedOne() throws Exception {
        String m = "787";
        // catalog 2026 (2026 prices): 1,000,000 expected in 2027; the 2027 report says 910,000 at 2027 prices.
        // Unconverted that is 91 % GREEN; at 2026 prices (KL's default index) 910,000 × 124.2587 / 126.9924
        // = 890,410.65 → 890,411, so 89.04 % AMBER.
        long id = createEfficiency(m, "Digital visitation", "ÆLD", 2026, null, 0, 1_000_000);
        as(Tokens.finance(m)).body(reportBody(2027, 910_000, "DOCUMENTED")).post(initiative(m, id) + "/reports")
                .then().statusCode(201)
                .body("expected", equalTo(1_000_000))
                .body("realised", equalTo(910_000))
                .body("realisedAtPriceLevel", equalTo(890_411))
                .body("ratio", equalTo(0.8904f))
                .body("status", equalTo("AMBER"))
                .body("priceLevel.year", equalTo(2026))
                .body("priceLevel.convertedFrom", contains(2027))
                .body("priceLevel.warning", nullValue());

        JsonNode reported = JSON.readTree(KafkaTopics.await(Events.BENEFIT_REPORTED.topic(),
                r -> Long.toString(id).equals(r.key()), 1, WAIT).get(0).value()).get("data");
        assertEquals(910_000, reported.get("realised").asLong());
        assertEquals(0, new BigDecimal("0.8904").compareTo(reported.get("ratio").decimalValue()));
        assertEquals("AMBER", reported.get("status").asText());

        as(Tokens.politician(m)).get(initiative(m, id)).then().statusCode(200)
                .body("priceLevelYear", equalTo(2026))
                .body("slots.find { it.period == '2027' }.realisedAtPriceLevel", equalTo(890_411))
                .body("slots.find { it.period == '2027' }.ratio", equalTo(0.8904f))
                .body("slots.find { it.period == '2027' }.rag", equalTo("AMBER"))
                .body("slots.find { it.period == '2027' }.priceLevel.convertedFrom", contains(2027))
                .body("years.find { it.year == 2027 }.realised", equalTo(910_000))
                .body("years.find { it.year == 2027 }.realisedAtPriceLevel", equalTo(890_411))
                .body("years.find { it.year == 2027 }.ratio", equalTo(0.8904f))
                .body("years.find { it.year == 2027 }.status", equalTo("AMBER"))
                // gains at risk on the converted amount: 1,000,000 − 890,411
                .body("years.find { it.year == 2027 }.gainsAtRisk", equalTo(109_589))
                .body("totals.realised", equalTo(910_000))
                .body("totals.realisedAtPriceLevel", equalTo(890_411))
                .body("totals.ratio", equalTo(0.8904f))
                .body("totals.status", equalTo("AMBER"))
                .body("totals.gainsAtRisk", equalTo(109_589))
                .body("totals.priceLevel.year", equalTo(2026))
                .body("totals.priceLevel.convertedFrom", contains(2027));
        as(Tokens.finance(m)).get(base(m) + "/initiatives").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.realisedAtPriceLevel", equalTo(890_411))
                .body("items.find { it.id == " + id + " }.ratio", equalTo(0.8904f))
                .body("items.find { it.id == " + id + " }.rag", equalTo("AMBER"))
                .body("items.find { it.id == " + id + " }.priceLevel.convertedFrom", contains(2027));
        as(Tokens.finance(m)).get(initiative(m, id) + "/reports").then().statusCode(200)
                .body("items[0].realisedAtPriceLevel", equalTo(890_411))
                .body("items[0].ratio", equalTo(0.8904f))
                .body("items[0].status", equalTo("AMBER"))
                .body("items[0].priceLevel.year", equalTo(2026))
                .body("items[0].priceLevel.convertedFrom", contains(2027));
        // the dashboard states the year's prices (1,000,000 → 1,022,000) and finds the same ratio
        as(Tokens.finance(m)).queryParam("year", 2027).get(base(m) + "/followup/dashboard").then().statusCode(200)
                .body("underperformers[0].ratio", equalTo(0.8904f))
                .body("underperformers[0].status", equalTo("AMBER"))
                .body("totals.amber", equalTo(1));
    }

    @Test
    void aReportIsAcceptedWhenTheIndexLacksAYearAndTheRatioFollowsTheIndexOnceItHasIt() {
        String m = "779";
        long id = createEfficiency(m, "Færre vikarer", "ÆLD", 2026, null, 0, 1_000_000);
        // target-service publishes an index without 2026, the initiative's price level
        TestEvents.send(Events.PRICE_INDEX_CHANGED, m, m, index(m, 1, "2027", "100", "2028", "102"), Instant.now());
        await().atMost(WAIT).untilAsserted(() -> assertProblem(as(Tokens.finance(m)).queryParam("year", 2027)
                .get(base(m) + "/followup/dashboard").then(), 422, "price-level-missing").body("year", equalTo(2026)));

        // the report is a write: accepted, compared as stated, and the answer says it was not converted
        as(Tokens.finance(m)).body(reportBody(2027, 910_000, "PROBABLE")).post(initiative(m, id) + "/reports")
                .then().statusCode(201)
                .body("realisedAtPriceLevel", equalTo(910_000))
                .body("ratio", equalTo(0.91f))
                .body("status", equalTo("GREEN"))
                .body("priceLevel.year", equalTo(2026))
                .body("priceLevel.convertedFrom", nullValue())
                .body("priceLevel.warning", startsWith("price-level-missing"))
                .body("priceLevel.warning", containsString("2026"));
        as(Tokens.finance(m)).get(initiative(m, id)).then().statusCode(200)
                .body("totals.ratio", equalTo(0.91f))
                .body("totals.priceLevel.convertedFrom", nullValue())
                .body("totals.priceLevel.warning", containsString("2026"));
        // the dashboard answered 422 above; the open data leaves the municipality's rows out and names the year
        given().queryParam("municipality", m).get("/api/v1/open-data/realised-gains").then().statusCode(200)
                .body("items", empty()).body("priceLevel.notConverted[0].missingYear", equalTo(2026));

        // the ratio is computed when read, with today's index: 910,000 × 100 / 102 = 892,156.86 → 892,157, AMBER
        TestEvents.send(Events.PRICE_INDEX_CHANGED, m, m, index(m, 2, "2026", "100", "2027", "102"), Instant.now());
        await().atMost(WAIT).untilAsserted(() -> as(Tokens.finance(m)).get(initiative(m, id)).then().statusCode(200)
                .body("totals.realisedAtPriceLevel", equalTo(892_157))
                .body("totals.ratio", equalTo(0.8922f))
                .body("totals.status", equalTo("AMBER"))
                .body("totals.priceLevel.convertedFrom", contains(2027))
                .body("slots.find { it.period == '2027' }.rag", equalTo("AMBER")));
        // the report version stays as it was reported
        as(Tokens.finance(m)).get(initiative(m, id) + "/reports").then().statusCode(200)
                .body("items[0].ratio", equalTo(0.91f))
                .body("items[0].status", equalTo("GREEN"))
                .body("items[0].priceLevel.convertedFrom", nullValue())
                .body("items[0].priceLevel.warning", containsString("2026"));
    }

    private static PriceIndexChangedV1 index(String m, long version, String year1, String index1, String year2,
            String index2) {
        return new PriceIndexChangedV1(m, version, List.of(
                new YearIndex(Integer.parseInt(year1), new BigDecimal(index1), "MUNICIPALITY"),
                new YearIndex(Integer.parseInt(year2), new BigDecimal(index2), "MUNICIPALITY")), Instant.now());
    }
}
