package dk.raaderum.target;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.target.Fixture.Place;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Allocation rounds through the API: keys, exemptions, manual amounts, rounding, immutability, publication. */
@QuarkusTest
class AllocationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aUniformRoundSumsExactlyAndExemptsAndRelievesAreas() {
        Place place = Fixture.fresh();
        Fixture.importBudget(place, Map.of("ÆLD", 600_000_000L, "DAG", 300_000_000L, "SKO", 500_000_000L,
                "ADM", 100_000_000L));
        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "ANNUAL_NEW", 10_000_000));
        JsonPath round = place.asFinance().body(Map.of("key", "UNIFORM", "reason", "Grønthøster med fritagelser",
                        "roundingUnit", 1000, "areas", List.of(
                                Map.of("areaCode", "SKO", "exempt", true),
                                Map.of("areaCode", "DAG", "reductionFactor", 0.5))))
                .post(place.base() + "/targets/" + id + "/allocations")
                .then().statusCode(201).header("Location", endsWith("/targets/" + id + "/allocations/1"))
                .body("round", equalTo(1)).body("published", equalTo(false))
                .body("createdBy", equalTo("fo-" + place.municipality()))
                .extract().jsonPath();
        // Weights: ÆLD 600, DAG 300 × 0.5 = 150, ADM 100 (SKO exempt) → 10 mio. × 600/850, 150/850, 100/850.
        assertEquals(7_059_000, amount(round, "ÆLD", 0));
        assertEquals(1_765_000, amount(round, "DAG", 0));
        assertEquals(1_176_000, amount(round, "ADM", 0));
        assertEquals(0, amount(round, "SKO", 0));
        for (int y = 0; y < 4; y++) {
            long sum = 0;
            for (String code : List.of("ÆLD", "DAG", "SKO", "ADM")) {
                sum += amount(round, code, y);
            }
            assertEquals(10_000_000, sum, "exact in year " + y);
        }
        assertEquals(Boolean.TRUE, round.get("areas.find { it.code == 'SKO' }.exempt"));
    }

    @Test
    void manualAmountsAreKeptAndTheRemainderIsRebalanced() {
        Place place = Fixture.fresh();
        Fixture.importBudget(place, Map.of("ÆLD", 300_000_000L, "SKO", 100_000_000L, "ADM", 500_000_000L));
        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "LEVEL", 4_000_000, 4_000_000));
        JsonPath round = place.asFinance().body(Map.of("key", "UNIFORM", "reason", "ADM har allerede fundet 2,5 mio.",
                        "areas", List.of(Map.of("areaCode", "ADM", "manualAmounts",
                                List.of(Map.of("year", place.budgetYear(), "amount", 2_500_000))))))
                .post(place.base() + "/targets/" + id + "/allocations").then().statusCode(201).extract().jsonPath();
        assertEquals(2_500_000, amount(round, "ADM", 0));
        assertEquals(1_125_000, amount(round, "ÆLD", 0));
        assertEquals(375_000, amount(round, "SKO", 0));
        assertEquals(Boolean.TRUE, round.get("areas.find { it.code == 'ADM' }.years[0].manual"));
        // The next year has no manual amount: ADM takes part in the key again.
        assertEquals(2_222_222, amount(round, "ADM", 1));
    }

    @Test
    void aCustomKeySplitsByTheGivenWeights() {
        Place place = Fixture.fresh();
        Fixture.importBudget(place, Map.of("ÆLD", 300_000_000L, "SKO", 100_000_000L, "ADM", 500_000_000L));
        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "LEVEL", 9_000_000));
        JsonPath round = place.asFinance().body(Map.of("key", "CUSTOM", "reason", "Aftalt i direktionen", "areas", List.of(
                        Map.of("areaCode", "ÆLD", "weight", 2), Map.of("areaCode", "SKO", "weight", 1),
                        Map.of("areaCode", "ADM", "weight", 0))))
                .post(place.base() + "/targets/" + id + "/allocations").then().statusCode(201).extract().jsonPath();
        assertEquals(6_000_000, amount(round, "ÆLD", 0));
        assertEquals(3_000_000, amount(round, "SKO", 0));
        assertEquals(0, amount(round, "ADM", 0));
        assertProblem(place.asFinance().body(Map.of("key", "CUSTOM", "reason", "mangler vægt", "areas", List.of(
                        Map.of("areaCode", "ÆLD", "weight", 2))))
                .post(place.base() + "/targets/" + id + "/allocations").then(), 422, "business-rule")
                .body("rule", equalTo("custom-weights"));
    }

    @Test
    void aDraftRoundStaysInsideAndAdoptionPublishesIt() {
        Place place = Fixture.fresh();
        Fixture.importBudget(place, Map.of("ÆLD", 600_000_000L, "KUL", 100_000_000L));
        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "ANNUAL_NEW", 7_000_000, 7_000_000, 7_000_000,
                7_000_000));
        Fixture.allocate(place, id, Map.of("key", "UNIFORM", "reason", "Første udkast",
                "areas", List.of(Map.of("areaCode", "KUL", "exempt", true))));
        String key = String.valueOf(id);
        List<ConsumerRecord<String, String>> none = KafkaTopics.collect(Events.TARGET_ALLOCATED.topic(),
                r -> key.equals(r.key()) && r.value().contains("\"municipality\":\"" + place.municipality() + "\""),
                Duration.ofSeconds(2));
        assertTrue(none.isEmpty(), "a DRAFT target's round is not published");

        Fixture.adopt(place, id);
        JsonNode event = event(place, id, 1);
        assertEquals("dk.raaderum.target.allocated.v1", event.get("type").asText());
        assertEquals(key, event.get("subject").asText());
        JsonNode data = event.get("data");
        assertEquals(id, data.get("targetId").asLong());
        assertEquals(place.budgetYear(), data.get("budgetYear").asInt());
        assertEquals("FINANCE_COMMITTEE", data.get("responsibleBody").asText());
        JsonNode aeld = area(data, "ÆLD");
        assertEquals("Social- og Sundhedsudvalget", aeld.get("area").get("committee").asText());
        assertEquals(5, aeld.get("area").get("mainAccount").asInt());
        assertEquals(List.of(7_000_000L, 14_000_000L, 21_000_000L, 28_000_000L), amounts(aeld.get("amounts")));
        assertEquals(List.of(600_000_000L, 600_000_000L, 600_000_000L, 600_000_000L), amounts(aeld.get("budget")));
        JsonNode kul = area(data, "KUL");
        assertTrue(kul.get("exempt").asBoolean());
        assertEquals(List.of(0L, 0L, 0L, 0L), amounts(kul.get("amounts")));
        assertEquals(List.of(100_000_000L, 100_000_000L, 100_000_000L, 100_000_000L), amounts(kul.get("budget")));

        // A new round of the adopted target is published at once, with the next round number; round 1 is unchanged.
        Fixture.allocate(place, id, Map.of("key", "UNIFORM", "reason", "KUL bærer også"));
        JsonNode second = event(place, id, 2).get("data");
        assertEquals(1_000_000L, amounts(area(second, "KUL").get("amounts")).get(0));
        given().auth().oauth2(place.politician()).get(place.base() + "/targets/" + id + "/allocations/1").then()
                .statusCode(200).body("reason", equalTo("Første udkast")).body("published", equalTo(true))
                .body("areas.find { it.code == 'KUL' }.years[0].amount", equalTo(0));
        given().auth().oauth2(place.politician()).get(place.base() + "/targets/" + id + "/allocations").then()
                .statusCode(200).body("total", equalTo(2)).body("items[0].round", equalTo(2));
        given().auth().oauth2(place.politician()).accept("text/csv").get(place.base() + "/targets/" + id + "/allocations")
                .then().statusCode(200).body(containsString(id + ";1;UNIFORM;1;Første udkast;"));
        given().auth().oauth2(place.finance()).get(place.base() + "/targets/" + id).then()
                .body("currentRound", equalTo(2)).body("publishedRound", equalTo(2));
    }

    /** A target changed after its round (AMOUNT 10 mio. → 1 % a year) is not adopted with the old round. */
    @Test
    void aTargetChangedAfterItsRoundIsAdoptedOnlyWithANewRound() {
        Place place = Fixture.fresh();
        Fixture.importBudget(place, Map.of("ÆLD", 600_000_000L, "KUL", 100_000_000L));
        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "LEVEL", 10_000_000, 0, 0, 0));
        Fixture.allocate(place, id, Map.of("key", "UNIFORM", "reason", "Første udkast"));
        long version = place.asFinance().get(place.base() + "/targets/" + id).then().statusCode(200).extract()
                .jsonPath().getLong("version");
        Map<String, Object> changed = new LinkedHashMap<>(Fixture.percentTarget(place, "ANNUAL_NEW", "1", "1", "1", "1"));
        changed.put("version", version);
        place.asFinance().body(changed).put(place.base() + "/targets/" + id).then().statusCode(200);

        assertProblem(place.asFinance().body(Map.of("decisionReference", "Byrådet, budgetvedtagelse"))
                .post(place.base() + "/targets/" + id + "/adopt").then(), 422, "business-rule")
                .body("rule", equalTo("allocation-outdated"))
                .body("detail", containsString("7000000"));
        Fixture.allocate(place, id, Map.of("key", "UNIFORM", "reason", "Efter ændringen"));
        Fixture.adopt(place, id);
        assertEquals(List.of(6_000_000L, 12_000_000L, 18_000_000L, 24_000_000L),
                amounts(area(event(place, id, 2).get("data"), "ÆLD").get("amounts")));
    }

    @Test
    void aPreviewStoresAndPublishesNothing() {
        Place place = Fixture.fresh();
        Fixture.importBudget(place, Map.of("ÆLD", 600_000_000L, "KUL", 100_000_000L));
        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "ANNUAL_NEW", 7_000_000));
        Fixture.adopt(place, id);
        place.asFinance().body(Map.of("key", "UNIFORM", "reason", "Prøve"))
                .post(place.base() + "/targets/" + id + "/allocations/preview").then().statusCode(200)
                .body("preview", equalTo(true)).body("round", nullValue())
                .body("totals[0].allocated", equalTo(7_000_000));
        given().auth().oauth2(place.finance()).get(place.base() + "/targets/" + id + "/allocations").then()
                .body("total", equalTo(0));
        assertProblem(given().auth().oauth2(place.finance()).get(place.base() + "/targets/" + id + "/allocations/current")
                .then(), 404, "not-found");
    }

    @Test
    void aPercentTargetIsRoundedToTheUnitAndSumsExactly() {
        Place place = Fixture.fresh();
        Fixture.importBudget(place, Map.of("ÆLD", 612_345_678L, "SOC", 423_456_789L, "ADM", 98_765_432L));
        long id = Fixture.createTarget(place, Fixture.percentTarget(place, "ANNUAL_NEW", "1.25"));
        JsonPath round = place.asFinance().body(Map.of("key", "UNIFORM", "reason", "1,25 %", "roundingUnit", 1000))
                .post(place.base() + "/targets/" + id + "/allocations").then().statusCode(201).extract().jsonPath();
        // 1.25 % of 1,134,567,899 = 14,182,098.74 → 14,182,099 kr. → 14,182,000 in thousands.
        assertEquals(14_182_099, round.getLong("totals[0].requirement"));
        assertEquals(14_182_000, round.getLong("totals[0].allocated"));
        long sum = amount(round, "ÆLD", 0) + amount(round, "SOC", 0) + amount(round, "ADM", 0);
        assertEquals(14_182_000, sum);
        assertEquals(0, amount(round, "SOC", 0) % 1000);
    }

    @Test
    void badAllocationRequestsAreExplained() {
        Place place = Fixture.fresh();
        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "ANNUAL_NEW", 1_000_000));
        assertProblem(place.asFinance().body(Map.of("key", "UNIFORM", "reason", "uden budget"))
                .post(place.base() + "/targets/" + id + "/allocations").then(), 422, "business-rule")
                .body("rule", equalTo("base-budget-required"));
        Fixture.importBudget(place, Map.of("ÆLD", 600_000_000L, "ADM", 100_000_000L));
        assertProblem(place.asFinance().body(Map.of("key", "UNIFORM", "reason", "ukendt", "areas", List.of(
                        Map.of("areaCode", "XYZ", "exempt", true))))
                .post(place.base() + "/targets/" + id + "/allocations").then(), 422, "business-rule")
                .body("rule", equalTo("area-settings")).body("errors[0].field", equalTo("areas[0].areaCode"));
        assertProblem(place.asFinance().body(Map.of("key", "UNIFORM", "reason", "for meget", "areas", List.of(
                        Map.of("areaCode", "ADM", "manualAmounts", List.of(Map.of("year", place.budgetYear(),
                                "amount", 2_000_000))))))
                .post(place.base() + "/targets/" + id + "/allocations").then(), 422, "business-rule")
                .body("rule", equalTo("manual-exceeds-target"));
        assertProblem(place.asFinance().body(Map.of("key", "UNIFORM", "reason", "alt fritaget", "areas", List.of(
                        Map.of("areaCode", "ADM", "exempt", true), Map.of("areaCode", "ÆLD", "exempt", true))))
                .post(place.base() + "/targets/" + id + "/allocations").then(), 422, "business-rule")
                .body("rule", equalTo("no-area-to-carry"));
        assertProblem(place.asFinance().body(Map.of("key", "UNIFORM", "reason", "indeks", "areas", List.of(
                        Map.of("areaCode", "ADM", "spendingIndex", 110))))
                .post(place.base() + "/targets/" + id + "/allocations").then(), 422, "business-rule")
                .body("rule", equalTo("area-settings")).body("errors[0].field", equalTo("areas[0].spendingIndex"));
        assertProblem(place.asFinance().body(Map.of("key", "UNIFORM", "reason", "afrunding", "roundingUnit", 300_000))
                .post(place.base() + "/targets/" + id + "/allocations").then(), 422, "business-rule")
                .body("rule", equalTo("rounding-unit"));
        assertProblem(place.asFinance().body(Map.of("key", "UNIFORM", "reason", "faktor", "areas", List.of(
                        Map.of("areaCode", "ADM", "reductionFactor", 1.5))))
                .post(place.base() + "/targets/" + id + "/allocations").then(), 400, "validation")
                .body("errors.field", hasItem(containsString("reductionFactor")));
        assertProblem(place.asFinance().body(Map.of("key", "UNIFORM"))
                .post(place.base() + "/targets/" + id + "/allocations").then(), 400, "validation")
                .body("errors.field", hasItem(containsString("reason")));
        assertProblem(place.asFinance().body(Map.of("key", "UNIFORM", "reason", "x", "typo", 1))
                .post(place.base() + "/targets/" + id + "/allocations").then(), 400, "validation")
                .body("errors[0].field", equalTo("typo"));
    }

    @Test
    void allocatingNeedsTheTargetsCurrentVersion() {
        Place place = Fixture.fresh();
        Fixture.importBudget(place, Map.of("ADM", 100_000_000L));
        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "ANNUAL_NEW", 1_000_000));
        Map<String, Object> request = new LinkedHashMap<>(Map.of("key", "UNIFORM", "reason", "r"));
        place.asFinance().header("If-Match", "\"0\"").body(request)
                .post(place.base() + "/targets/" + id + "/allocations").then().statusCode(201);
        assertProblem(place.asFinance().header("If-Match", "\"0\"").body(request)
                .post(place.base() + "/targets/" + id + "/allocations").then(), 412, "precondition-failed");
        request.put("version", 0);
        assertProblem(place.asFinance().body(request).post(place.base() + "/targets/" + id + "/allocations").then(), 409,
                "concurrent-modification");
    }

    @Test
    void politicianCannotAllocate() {
        Place place = Fixture.fresh();
        Fixture.importBudget(place, Map.of("ADM", 100_000_000L));
        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "ANNUAL_NEW", 1_000_000));
        assertProblem(given().auth().oauth2(place.politician()).contentType("application/json")
                .body(Map.of("key", "UNIFORM", "reason", "r")).post(place.base() + "/targets/" + id + "/allocations")
                .then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(place.programOwner()).contentType("application/json")
                .body(Map.of("key", "UNIFORM", "reason", "r"))
                .post(place.base() + "/targets/" + id + "/allocations/preview").then(), 403, "forbidden");
    }

    @Test
    void aRoundReadsAsCsvOneLinePerAreaAndYear() {
        Place place = Fixture.fresh();
        Map<String, Long> budget = new LinkedHashMap<>();
        budget.put("ÆLD", 600_000_000L);
        budget.put("ADM", 100_000_000L);
        Fixture.importBudget(place, budget);
        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "ANNUAL_NEW", 7_000_000));
        Fixture.allocate(place, id, Map.of("key", "UNIFORM", "reason", "r"));
        String csv = given().auth().oauth2(place.politician()).accept("text/csv")
                .get(place.base() + "/targets/" + id + "/allocations/current")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString(".csv")).extract().asString();
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        assertEquals(1 + 2 * 4, lines.length, csv);
        assertTrue(lines[1].startsWith(id + ";1;UNIFORM;1;ÆLD;Ældreområdet;5;"), lines[1]);
        assertTrue(lines[1].contains(";6000000;"), lines[1]);
    }

    // --- helpers ---

    private static long amount(JsonPath round, String area, int year) {
        return round.getLong("areas.find { it.code == '" + area + "' }.years[" + year + "].amount");
    }

    private static JsonNode event(Place place, long targetId, int round) {
        ConsumerRecord<String, String> record = KafkaTopics.await(Events.TARGET_ALLOCATED.topic(),
                r -> String.valueOf(targetId).equals(r.key()) && r.value().contains("\"round\":" + round)
                        && r.value().contains("\"municipality\":\"" + place.municipality() + "\""),
                1, WAIT).get(0);
        try {
            return Fixture.JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode area(JsonNode data, String code) {
        for (JsonNode area : data.get("areas")) {
            if (code.equals(area.get("area").get("code").asText())) {
                return area;
            }
        }
        throw new AssertionError("no area " + code + " in " + data);
    }

    private static List<Long> amounts(JsonNode years) {
        java.util.ArrayList<Long> amounts = new java.util.ArrayList<>();
        years.forEach(y -> amounts.add(y.get("amount").asLong()));
        return amounts;
    }
}
