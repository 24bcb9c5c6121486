package dk.raaderum.followup;

import static dk.raaderum.followup.support.Api.as;
import static dk.raaderum.followup.support.Api.base;
import static dk.raaderum.followup.support.Api.createEfficiency;
import static dk.raaderum.followup.support.Api.report;
import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.raaderum.followup.support.Api;
import dk.raaderum.followup.support.Tokens;
import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.target.PriceIndexChangedV1;
import dk.raaderum.platform.events.target.PriceIndexChangedV1.YearIndex;
import dk.raaderum.platform.testing.Csv;
import dk.raaderum.platform.testing.TestEvents;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * PL-regulering of the dashboard: expectations at their catalog's price level and reports at the prices of their year
 * are converted to one stated level, with KL's default index until target-service's price-index.changed arrives on
 * the real topic, then with the municipality's own.
 */
@QuarkusTest
class PriceLevelDashboardTest {

    private static final String M = "665";

    private static PriceIndexChangedV1 index(long version, String i2026, String i2027) {
        return new PriceIndexChangedV1(M, version, List.of(new YearIndex(2026, new BigDecimal(i2026), "MUNICIPALITY"),
                new YearIndex(2027, new BigDecimal(i2027), "MUNICIPALITY")), Instant.now());
    }

    @Test
    void theDashboardConvertsExpectationsAndReportsToOneStatedLevelWithTheIndexFromTheEvent() {
        // catalog 2026: 1,000,000 expected in 2027 at 2026 prices; the 2027 report says 1,000,000 at 2027 prices
        long id = createEfficiency(M, "Digital visitation", "ÆLD", 2026, null, 0, 1_000_000);
        report(M, id, 2027, 1_000_000, "DOCUMENTED");

        // KL's default: 1,000,000 × 126.9924 / 124.2587 = 1,022,000.07 → 1,022,000 at 2027 prices
        as(Tokens.finance(M)).queryParam("year", 2027).get(base(M) + "/followup/dashboard").then().statusCode(200)
                .body("priceLevel.year", equalTo(2027))
                .body("priceLevel.convertedFrom", contains(2026))
                .body("totals.expectedReported", equalTo(1_022_000))
                .body("totals.adoptedNet", equalTo(1_022_000))
                .body("totals.realised", equalTo(1_000_000))
                .body("totals.realisationRate", equalTo(0.9785f));

        TestEvents.send(Events.PRICE_INDEX_CHANGED, M, M, index(1, "100", "105"), Instant.now());
        await().atMost(Api.WAIT).untilAsserted(() -> as(Tokens.politician(M)).queryParam("year", 2027)
                .get(base(M) + "/followup/dashboard").then().statusCode(200)
                .body("totals.expectedReported", equalTo(1_050_000)));
        // at 2026 prices: the expectation as adopted, the report 1,000,000 × 100 / 105 = 952,380.95 → 952,381
        as(Tokens.finance(M)).queryParam("year", 2027).queryParam("priceLevelYear", 2026)
                .get(base(M) + "/followup/dashboard").then().statusCode(200)
                .body("priceLevel.year", equalTo(2026))
                .body("priceLevel.convertedFrom", contains(2027))
                .body("totals.expectedReported", equalTo(1_000_000))
                .body("totals.realised", equalTo(952_381))
                .body("underperformers", empty());
        List<List<String>> rows = Csv.parse(as(Tokens.finance(M)).queryParam("year", 2027)
                .get(base(M) + "/followup/dashboard.csv").then().statusCode(200).extract().asByteArray());
        List<String> header = rows.get(0);
        assertEquals("1050000", rows.get(1).get(header.indexOf("Forventet, rapporteret (kr.)")));
        assertEquals("2027", rows.get(1).get(header.indexOf("Prisniveau")));
        assertEquals("2026", rows.get(1).get(header.indexOf("Omregnet fra")));

        // an older version of the index, delivered late, changes nothing; the event's series lacks 2030: 422
        TestEvents.send(Events.PRICE_INDEX_CHANGED, M, M, index(0, "100", "110"), Instant.now());
        assertProblem(as(Tokens.finance(M)).queryParam("year", 2027).queryParam("priceLevelYear", 2030)
                .get(base(M) + "/followup/dashboard").then(), 422, "price-level-missing")
                .body("year", equalTo(2030));
        TestEvents.send(Events.PRICE_INDEX_CHANGED, M, M, index(2, "100", "104"), Instant.now());
        await().atMost(Api.WAIT).untilAsserted(() -> as(Tokens.politician(M)).queryParam("year", 2027)
                .get(base(M) + "/followup/dashboard").then().statusCode(200)
                .body("totals.expectedReported", equalTo(1_040_000)));
    }
}
