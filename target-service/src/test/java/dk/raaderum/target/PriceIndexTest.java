package dk.raaderum.target;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.proposal.ProposalAdoptedV1;
import dk.raaderum.platform.testing.Csv;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.target.Fixture.Place;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * PL-regulering: the municipality's price index (KL's default overlaid with its own years), its edits and event, the
 * conversion endpoint, and coverage of a target at 2027 prices by proposals of a catalog at 2026 prices. Each test
 * takes its own municipality (an index belongs to a municipality) and budget year 2027, which Fixture.fresh() never
 * hands out.
 */
@QuarkusTest
class PriceIndexTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String index(Place place) {
        return place.base() + "/price-index";
    }

    @Test
    void theDefaultIsKlsPlForServiceExpensesAndAnyUserOfTheMunicipalityReadsIt() {
        Place place = Fixture.at("147", 2027);
        given().auth().oauth2(place.programOwner()).get(index(place)).then().statusCode(200)
                .header("ETag", containsString("0"))
                .body("version", equalTo(0))
                .body("years", hasSize(13))
                .body("years[0].year", equalTo(2019))
                .body("years[0].changePercent", nullValue())
                .body("years.find { it.year == 2027 }.index", equalTo(126.9924f))
                .body("years.find { it.year == 2027 }.changePercent", equalTo(2.2f))
                .body("years.find { it.year == 2027 }.source", equalTo("DEFAULT"))
                .body("defaultSource", containsString("KL"));
        List<List<String>> csv = Csv.parse(given().auth().oauth2(place.politician()).accept("text/csv").get(index(place))
                .then().statusCode(200).extract().asByteArray());
        assertEquals(List.of("år", "indeks", "pl_pct", "kilde"), csv.get(0));
        assertEquals(List.of("2027", "126,9924", "2,20", "DEFAULT"), Csv.row(csv, "2027"));
        given().auth().oauth2(Fixture.at("151", 2027).finance()).get(index(place)).then().statusCode(403);
    }

    @Test
    void conversionIsExactAndRoundsHalfEvenToWholeKroner() {
        Place place = Fixture.at("153", 2027);
        // 10 mio. × 126.9924 / 124.2587 = 10,220,000.69 → 10,220,001
        given().auth().oauth2(place.politician())
                .get(index(place) + "/convert?amount=10000000&from=2026&to=2027").then().statusCode(200)
                .body("converted", equalTo(10_220_001))
                .body("factor", equalTo(1.0220000692f))
                .body("priceLevel.year", equalTo(2027))
                .body("priceLevel.convertedFrom", equalTo(2026));
        place.asFinance().header("If-Match", "\"0\"").body(Map.of("years", List.of(
                Map.of("year", 2026, "index", 100), Map.of("year", 2027, "index", new BigDecimal("102.5")))))
                .put(index(place)).then().statusCode(200);
        // × 1.025: 20 → 20.5 → 20 (half even), 60 → 61.5 → 62, -60 → -62; and back: 41 / 1.025 = 40
        for (long[] c : new long[][] { { 20, 20 }, { 60, 62 }, { -60, -62 }, { 2, 2 } }) {
            given().auth().oauth2(place.finance()).get(index(place) + "/convert?amount=" + c[0] + "&from=2026&to=2027")
                    .then().statusCode(200).body("converted", equalTo((int) c[1]));
        }
        given().auth().oauth2(place.finance()).get(index(place) + "/convert?amount=41&from=2027&to=2026")
                .then().statusCode(200).body("converted", equalTo(40));
        given().auth().oauth2(place.finance()).get(index(place) + "/convert?amount=5&from=2027&to=2027")
                .then().statusCode(200).body("converted", equalTo(5)).body("priceLevel.convertedFrom", nullValue());
    }

    @Test
    void aYearOutsideTheIndexIs422NamingIt() {
        Place place = Fixture.at("155", 2027);
        assertProblem(given().auth().oauth2(place.finance())
                .get(index(place) + "/convert?amount=1000&from=2015&to=2027").then(), 422, "price-level-missing")
                .body("year", equalTo(2015))
                .body("detail", containsString("2015"))
                .body("detail", containsString("2019–2031"));
        assertProblem(given().auth().oauth2(place.finance())
                .get(index(place) + "/convert?amount=1000&from=2026&to=2040").then(), 422, "price-level-missing")
                .body("year", equalTo(2040));
    }

    @Test
    void aFinanceOfficerEditsYearsWithIfMatchAndTheEffectiveSeriesIsPublished() throws Exception {
        Place place = Fixture.at("157", 2027);
        String etag = given().auth().oauth2(place.finance()).get(index(place)).then().statusCode(200)
                .extract().header("ETag");
        Map<String, Object> body = Map.of("years", List.of(Map.of("year", 2027, "index", new BigDecimal("127.35")),
                Map.of("year", 2032, "index", new BigDecimal("141.5"))));
        assertProblem(place.asFinance().body(body).put(index(place)).then(), 428, "precondition-required");
        given().auth().oauth2(place.politician()).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put(index(place)).then().statusCode(403);

        int version = place.asFinance().header("If-Match", etag).body(body).put(index(place)).then().statusCode(200)
                .body("years", hasSize(14))
                .body("years.find { it.year == 2027 }.index", equalTo(127.35f))
                .body("years.find { it.year == 2027 }.source", equalTo("MUNICIPALITY"))
                .body("years.find { it.year == 2026 }.source", equalTo("DEFAULT"))
                .body("years.find { it.year == 2032 }.source", equalTo("MUNICIPALITY"))
                .body("updatedBy", equalTo("fo-157"))
                .extract().jsonPath().getInt("version");
        assertEquals(1, version);
        assertProblem(place.asFinance().header("If-Match", etag).body(body).put(index(place)).then(), 412,
                "precondition-failed");

        ConsumerRecord<String, String> record = KafkaTopics.await(Events.PRICE_INDEX_CHANGED.topic(),
                r -> "157".equals(r.key()), 1, WAIT).get(0);
        JsonNode event = Fixture.JSON.readTree(record.value());
        assertEquals("dk.raaderum.price-index.changed.v1", event.get("type").asText());
        assertEquals("157", event.get("municipality").asText());
        JsonNode data = event.get("data");
        assertEquals(1, data.get("version").asLong());
        assertEquals(14, data.get("years").size());
        JsonNode y2027 = data.get("years").get(8);
        assertEquals(2027, y2027.get("year").asInt());
        assertEquals(0, new BigDecimal("127.35").compareTo(y2027.get("index").decimalValue()));
        assertEquals("MUNICIPALITY", y2027.get("source").asText());
        assertEquals("DEFAULT", data.get("years").get(0).get("source").asText());
    }

    @Test
    void theCsvImportReadsDanishDecimalsAndRejectsEveryBadLine() {
        Place place = Fixture.at("159", 2027);
        assertProblem(given().auth().oauth2(place.finance()).contentType("text/csv")
                .body("år;indeks\n2027;127,35\n").put(index(place)).then(), 428, "precondition-required");
        assertProblem(given().auth().oauth2(place.finance()).contentType("text/csv").header("If-Match", "\"0\"")
                .body("år;indeks\n2027;127,35\n2028;-1\n1999;100\n2027;128\n").put(index(place)).then(), 422,
                "business-rule")
                .body("rule", equalTo("price-index-rows"))
                .body("errors.field", contains("line 3.index", "line 4.year", "line 5.year"));
        // a cell that is no number at all is named the same way as a number out of range
        assertProblem(given().auth().oauth2(place.finance()).contentType("text/csv").header("If-Match", "\"0\"")
                .body("år;indeks\n2027;mange\nB28;127\n").put(index(place)).then(), 422, "business-rule")
                .body("errors.field", contains("line 2.index", "line 3.year"));
        given().auth().oauth2(place.finance()).get(index(place)).then().body("version", equalTo(0));

        given().auth().oauth2(place.finance()).contentType("text/csv; charset=UTF-8").header("If-Match", "\"0\"")
                .body("år;indeks;kilde\n2027;127,35;MUNICIPALITY\n2028;130.4;\n").put(index(place)).then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("years.find { it.year == 2027 }.index", equalTo(127.35f))
                .body("years.find { it.year == 2028 }.index", equalTo(130.4f))
                .body("years.find { it.year == 2028 }.source", equalTo("MUNICIPALITY"));
    }

    /** ÆLD 600 mio. and ADM 100 mio. at 2027 prices; an adopted 7 mio. target: ÆLD 6 mio., ADM 1 mio. a year. */
    private static Place withTargetAt2027Prices(String municipality) {
        Place place = Fixture.at(municipality, 2027);
        Fixture.importBudget(place, Map.of("ÆLD", 600_000_000L, "ADM", 100_000_000L));
        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "ANNUAL_NEW", 7_000_000));
        Fixture.allocate(place, id, Map.of("key", "UNIFORM", "reason", "Ensartet"));
        Fixture.adopt(place, id);
        return place;
    }

    @Test
    void coverageOfATargetAt2027PricesConvertsProposalsAt2026PricesAndSaysSo() {
        Place place = withTargetAt2027Prices("161");
        ProposalAdoptedV1 old = Fixture.adoptedAt(place, 2026, "SAVING", "ÆLD", -2_000_000);
        Fixture.sendAdopted(place, old);
        Fixture.sendAdopted(place, Fixture.adoptedAt(place, 2027, "EFFICIENCY", "ÆLD", -500_000));
        // 2,000,000 × 126.9924 / 124.2587 = 2,044,000.14 → 2,044,000; plus 500,000 already at 2027 prices
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(place.politician())
                .get(place.base() + "/coverage/2027").then().statusCode(200)
                .body("areas.find { it.areaCode == 'ÆLD' }.years[0].covered", equalTo(2_544_000)));
        given().auth().oauth2(place.politician()).get(place.base() + "/coverage/2027").then().statusCode(200)
                .body("priceLevel.year", equalTo(2027))
                .body("priceLevel.convertedFrom", contains(2026))
                .body("areas.find { it.areaCode == 'ÆLD' }.years[0].target", equalTo(6_000_000))
                .body("areas.find { it.areaCode == 'ÆLD' }.years[0].gap", equalTo(3_456_000))
                .body("totals[0].covered", equalTo(2_544_000));
        given().auth().oauth2(place.finance()).get(place.base() + "/coverage/2027/areas/ÆLD").then().statusCode(200)
                .body("priceLevel.year", equalTo(2027))
                .body("proposals.find { it.proposalId == " + old.proposalId() + " }.room[0].amount", equalTo(2_044_000))
                .body("proposals.find { it.proposalId == " + old.proposalId() + " }.priceLevel.year", equalTo(2027))
                .body("proposals.find { it.proposalId == " + old.proposalId() + " }.priceLevel.convertedFrom",
                        equalTo(2026));
        List<List<String>> csv = Csv.parse(given().auth().oauth2(place.finance()).accept("text/csv")
                .get(place.base() + "/coverage/2027").then().statusCode(200).extract().asByteArray());
        List<String> header = csv.get(0);
        List<String> aeld = Csv.row(csv, "ÆLD");
        assertEquals("2544000", aeld.get(header.indexOf("dækket")));
        assertEquals("2027", aeld.get(header.indexOf("prisniveau")));
        assertEquals("2026", aeld.get(header.indexOf("omregnet_fra")));
    }

    @Test
    void coverageNeedingAYearTheIndexLacksIs422UntilTheMunicipalityAddsIt() {
        Place place = withTargetAt2027Prices("163");
        Fixture.sendAdopted(place, Fixture.adoptedAt(place, 2015, "SAVING", "ADM", -1_000_000));
        await().atMost(WAIT).untilAsserted(() -> assertProblem(given().auth().oauth2(place.finance())
                .get(place.base() + "/coverage/2027").then(), 422, "price-level-missing").body("year", equalTo(2015)));
        assertProblem(given().auth().oauth2(place.finance()).get(place.base() + "/coverage/2027/areas/ADM").then(), 422,
                "price-level-missing").body("year", equalTo(2015));

        place.asFinance().header("If-Match", "\"0\"").body(Map.of("years", List.of(Map.of("year", 2015, "index", 90))))
                .put(index(place)).then().statusCode(200);
        // 1,000,000 × 126.9924 / 90 = 1,411,026.67 → 1,411,027: recomputed in the transaction of the edit
        given().auth().oauth2(place.finance()).get(place.base() + "/coverage/2027").then().statusCode(200)
                .body("priceLevel.convertedFrom", contains(2015))
                .body("areas.find { it.areaCode == 'ADM' }.years[0].covered", equalTo(1_411_027))
                .body("areas.find { it.areaCode == 'ADM' }.years[0].reached", equalTo(true));
    }
}
