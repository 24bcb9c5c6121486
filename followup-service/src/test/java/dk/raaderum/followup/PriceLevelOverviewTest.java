package dk.raaderum.followup;

import static dk.raaderum.followup.support.Api.WAIT;
import static dk.raaderum.followup.support.Api.as;
import static dk.raaderum.followup.support.Api.base;
import static dk.raaderum.followup.support.Api.createEfficiency;
import static dk.raaderum.followup.support.Api.report;
import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
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
import java.util.Map;

/**
 * KL's overview and the open data add amounts of many catalogs, years and municipalities: every amount at one stated
 * price level, each municipality's rows converted with its own index (Viborg's from price-index.changed, Brønderslev's
 * KL's default).
 */
@QuarkusTest
class PriceLevelOverviewTest {

    private static final String OWN_INDEX = "791";
    private static final String DEFAULT_INDEX = "810";
    private static final String OPEN_DATA = "/api/v1/open-data";

    @Test
    void klsOverviewAndTheOpenDataStateOneLevelAndConvertEachMunicipalityWithItsOwnIndex() {
        // Viborg: two initiatives of catalog 2026 (2026 prices), 500,000 expected each in 2027; 2026 = 100, 2027 = 104
        long documented = createEfficiency(OWN_INDEX, "Ruteplanlægning", "ÆLD", 2026, null, 0, 500_000);
        long estimated = createEfficiency(OWN_INDEX, "Færre vikarer", "ÆLD", 2026, null, 0, 500_000);
        TestEvents.send(Events.PRICE_INDEX_CHANGED, OWN_INDEX, OWN_INDEX, new PriceIndexChangedV1(OWN_INDEX, 1, List.of(
                new YearIndex(2026, new BigDecimal("100"), "MUNICIPALITY"),
                new YearIndex(2027, new BigDecimal("104"), "MUNICIPALITY")), Instant.now()), Instant.now());
        await().atMost(WAIT).untilAsserted(() -> as(Tokens.finance(OWN_INDEX)).queryParam("year", 2027)
                .get(base(OWN_INDEX) + "/followup/dashboard").then().statusCode(200)
                .body("totals.expected", equalTo(1_040_000)));
        report(OWN_INDEX, documented, 2027, 600_000, "DOCUMENTED");
        report(OWN_INDEX, estimated, 2027, 400_000, "ESTIMATE");
        // Brønderslev: KL's default index, 1,000,000 × 126.9924 / 124.2587 = 1,022,000 at 2027 prices
        report(DEFAULT_INDEX, createEfficiency(DEFAULT_INDEX, "Digital post", "ADM", 2026, null, 0, 1_000_000), 2027,
                1_000_000, "DOCUMENTED");

        as(Tokens.klCurator()).queryParam("year", 2027).get("/api/v1/kl/followup/overview").then().statusCode(200)
                .body("priceLevel.year", equalTo(2027))
                .body("priceLevel.convertedFrom", hasItem(2026))
                .body("municipalities.find { it.key == '791' }.expectedReported", equalTo(1_040_000))
                .body("municipalities.find { it.key == '791' }.realised", equalTo(1_000_000))
                .body("municipalities.find { it.key == '791' }.realisationRate", equalTo(0.9615f))
                .body("municipalities.find { it.key == '810' }.expectedReported", equalTo(1_022_000))
                .body("municipalities.find { it.key == '810' }.realisationRate", equalTo(0.9785f));
        // at 2026 prices: the expectations as adopted; Viborg's reports × 100 / 104, Brønderslev's × 124.2587 / 126.9924
        as(Tokens.klCurator()).queryParam("year", 2027).queryParam("priceLevelYear", 2026)
                .get("/api/v1/kl/followup/overview").then().statusCode(200)
                .body("priceLevel.year", equalTo(2026))
                .body("priceLevel.convertedFrom", hasItem(2027))
                .body("municipalities.find { it.key == '791' }.expectedReported", equalTo(1_000_000))
                .body("municipalities.find { it.key == '791' }.realised", equalTo(961_538))
                .body("municipalities.find { it.key == '810' }.expectedReported", equalTo(1_000_000))
                .body("municipalities.find { it.key == '810' }.realised", equalTo(978_474));
        List<List<String>> kl = Csv.parse(as(Tokens.klCurator()).queryParam("year", 2027)
                .get("/api/v1/kl/followup/overview.csv").then().statusCode(200).extract().asByteArray());
        List<String> viborg = kl.stream().filter(row -> row.get(1).equals(OWN_INDEX)).findFirst().orElseThrow();
        assertEquals("1040000", viborg.get(kl.get(0).indexOf("Forventet, rapporteret (kr.)")));
        assertEquals("2027", viborg.get(kl.get(0).indexOf("Prisniveau")));
        assertEquals(true, viborg.get(kl.get(0).indexOf("Omregnet fra")).contains("2026"));
        // a level no index has: every municipality left out and named, not a 422 for KL
        as(Tokens.klCurator()).queryParam("year", 2027).queryParam("priceLevelYear", 2035)
                .get("/api/v1/kl/followup/overview").then().statusCode(200)
                .body("priceLevel.notConverted.municipality", hasItems(OWN_INDEX, DEFAULT_INDEX))
                .body("priceLevel.notConverted.find { it.municipality == '791' }.missingYear", equalTo(2035))
                .body("priceLevel.notConverted.find { it.municipality == '810' }.missingYear", equalTo(2035))
                .body("municipalities", empty());

        given().queryParam("municipality", OWN_INDEX).queryParam("year", 2027).get(OPEN_DATA + "/realised-gains")
                .then().statusCode(200)
                .body("priceLevel.year", equalTo(2027))
                .body("priceLevel.convertedFrom", contains(2026))
                .body("items[0].expected", equalTo(1_040_000))
                .body("items[0].realised", equalTo(1_000_000))
                .body("items[0].realisationRate", equalTo(0.9615f))
                .body("items[0].convertedFrom", contains(2026));
        // at 2026 prices the evidence levels are converted each, and add up to the realised amount
        given().queryParam("municipality", OWN_INDEX).queryParam("year", 2027).queryParam("priceLevelYear", 2026)
                .get(OPEN_DATA + "/realised-gains").then().statusCode(200)
                .body("priceLevel.convertedFrom", contains(2027))
                .body("items[0].expected", equalTo(1_000_000))
                .body("items[0].realisedDocumented", equalTo(576_923))
                .body("items[0].realisedEstimate", equalTo(384_615))
                .body("items[0].realised", equalTo(961_538));
        // without a year: this year's prices (the test clock's 2027)
        given().queryParam("municipality", OWN_INDEX).get(OPEN_DATA + "/initiatives").then().statusCode(200)
                .body("priceLevel.year", equalTo(2027))
                .body("items.years.flatten().expected", everyItem(equalTo(520_000)))
                .body("items.years.flatten().realised", contains(600_000, 400_000))
                .body("items.years.flatten().realisationRate", contains(1.1538f, 0.7692f));
        List<List<String>> gains = Csv.parse(given().queryParam("municipality", OWN_INDEX)
                .queryParam("priceLevelYear", 2026).get(OPEN_DATA + "/realised-gains.csv").then().statusCode(200)
                .extract().asByteArray());
        assertEquals("961538", gains.get(1).get(gains.get(0).indexOf("Realiseret (kr.)")));
        assertEquals("2026", gains.get(1).get(gains.get(0).indexOf("Prisniveau")));
        assertEquals("2027", gains.get(1).get(gains.get(0).indexOf("Omregnet fra")));
        List<List<String>> initiatives = Csv.parse(given().queryParam("municipality", OWN_INDEX)
                .get(OPEN_DATA + "/initiatives.csv").then().statusCode(200).extract().asByteArray());
        assertEquals("520000", initiatives.get(1).get(initiatives.get(0).indexOf("Forventet (kr.)")));
        assertEquals("2027", initiatives.get(1).get(initiatives.get(0).indexOf("Prisniveau")));
        assertEquals("2026", initiatives.get(1).get(initiatives.get(0).indexOf("Omregnet fra")));
        given().queryParam("municipality", OWN_INDEX).queryParam("priceLevelYear", 2030)
                .get(OPEN_DATA + "/initiatives").then().statusCode(200)
                .body("items", empty())
                .body("total", equalTo(2))
                .body("priceLevel.notConverted", contains(Map.of("municipality", OWN_INDEX, "name", "Viborg",
                        "reason", "price-level-missing", "missingYear", 2030)));
        assertEquals(1, Csv.parse(given().queryParam("municipality", OWN_INDEX).queryParam("priceLevelYear", 2030)
                .get(OPEN_DATA + "/initiatives.csv").then().statusCode(200).extract().asByteArray()).size(),
                "the header only");
    }

    /**
     * One municipality's initiative at a price level no index has (a catalog's typo, 2040) leaves that municipality out
     * of KL's overview and the open data, named with the year, and every other municipality is answered as before.
     * Its own dashboard still answers 422: its finance officer can add the year.
     */
    @Test
    void aMunicipalityWhoseIndexLacksAYearIsLeftOutAndNamedNotEveryonesAnswerFailed() {
        String odder = "727";
        String struer = "671";
        Map<String, Object> typo = Api.initiativeBody("EFFICIENCY", "Prisniveau tastet forkert", "ÆLD", 2026, null,
                300_000);
        typo.put("priceLevelYear", 2040);
        report(odder, Api.create(odder, typo), 2026, 250_000, "DOCUMENTED");
        report(struer, createEfficiency(struer, "Digital post", "ADM", 2026, null, 400_000), 2026, 400_000,
                "DOCUMENTED");

        as(Tokens.klCurator()).queryParam("year", 2026).get("/api/v1/kl/followup/overview").then().statusCode(200)
                .body("priceLevel.notConverted.find { it.municipality == '727' }.missingYear", equalTo(2040))
                .body("priceLevel.notConverted.find { it.municipality == '727' }.name", equalTo("Odder"))
                .body("municipalities.key", hasItem(struer))
                .body("municipalities.key", not(hasItem(odder)))
                .body("municipalities.find { it.key == '671' }.realised", equalTo(400_000));
        given().queryParam("year", 2026).queryParam("municipality", odder).get(OPEN_DATA + "/realised-gains").then()
                .statusCode(200).body("items", empty()).body("total", equalTo(1))
                .body("priceLevel.notConverted.municipality", contains(odder));
        given().queryParam("year", 2026).queryParam("municipality", struer).get(OPEN_DATA + "/realised-gains").then()
                .statusCode(200).body("items[0].realised", equalTo(400_000))
                .body("priceLevel.notConverted", empty());
        given().queryParam("year", 2026).queryParam("municipality", odder).get(OPEN_DATA + "/initiatives").then()
                .statusCode(200).body("items", empty()).body("priceLevel.notConverted[0].missingYear", equalTo(2040));
        given().queryParam("year", 2026).get(OPEN_DATA + "/realised-gains.csv").then().statusCode(200);
        assertProblem(as(Tokens.finance(odder)).queryParam("year", 2026).get(base(odder) + "/followup/dashboard")
                .then(),
                422, "price-level-missing").body("year", equalTo(2040));
    }

    /**
     * An amount at the bound (1,000,000,000,000 kr. at 2025 prices) passes it at 2026 prices: that municipality is left
     * out of KL's overview and the open data at 2026 prices, named with the reason, and the others are answered.
     */
    @Test
    void aMunicipalityWhoseAmountsWouldPassTheBoundIsLeftOutAndNamed() {
        String nordfyns = "480";
        String langeland = "482";
        report(nordfyns, createEfficiency(nordfyns, "Alt for stor gevinst", "ÆLD", 2025, null, 1_000_000_000_000L), 2025,
                1_000_000_000_000L, "DOCUMENTED");
        report(langeland, createEfficiency(langeland, "Fælles indkøb", "ADM", 2025, null, 100_000), 2025, 100_000,
                "DOCUMENTED");

        as(Tokens.klCurator()).queryParam("year", 2025).queryParam("priceLevelYear", 2026)
                .get("/api/v1/kl/followup/overview").then().statusCode(200)
                .body("priceLevel.notConverted.find { it.municipality == '480' }.reason", equalTo("amount-bound"))
                .body("priceLevel.notConverted.find { it.municipality == '480' }.missingYear", equalTo(null))
                .body("municipalities.key", hasItem(langeland))
                .body("municipalities.key", not(hasItem(nordfyns)));
        given().queryParam("year", 2025).queryParam("priceLevelYear", 2026).queryParam("municipality", nordfyns)
                .get(OPEN_DATA + "/initiatives").then().statusCode(200).body("items", empty())
                .body("priceLevel.notConverted[0].reason", equalTo("amount-bound"));
        as(Tokens.klCurator()).queryParam("year", 2025).get("/api/v1/kl/followup/overview").then().statusCode(200)
                .body("municipalities.find { it.key == '480' }.realised", equalTo(1_000_000_000_000L));
        // the municipality's own dashboard names the initiative that cannot be stated at the level asked for
        assertProblem(as(Tokens.finance(nordfyns)).queryParam("year", 2025).queryParam("priceLevelYear", 2026)
                .get(base(nordfyns) + "/followup/dashboard").then(), 422, "business-rule")
                .body("rule", equalTo("amount-bound"))
                .body("initiativeId", notNullValue())
                .body("detail", startsWith("Initiative "))
                .body("detail", containsString("'Alt for stor gevinst'"));
    }
}
