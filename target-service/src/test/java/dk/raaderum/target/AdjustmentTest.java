package dk.raaderum.target;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.platform.testing.TestTokens;
import dk.raaderum.target.Fixture.Place;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Technical budget adjustments through the API: dated lines per budget year, the whole set published as
 * {@code budget-adjustments.changed} with a rising revision on every change, bad lines as 422s, and the five-paths
 * plan's quiet path taken from the lines not compensated.
 */
@QuarkusTest
class AdjustmentTest {

    /** Næstved: registered areas ADM, ÆLD (Fixture.OWN keeps other tests out). */
    private static final Place NAESTVED = Fixture.at("370", 2060);
    /** Faxe: no register of policy areas. */
    private static final Place FAXE = Fixture.at("320", 2060);

    static Map<String, Object> line(Place place, String kind, String area, boolean compensated, long... amounts) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", kind);
        line.put("areaCode", area);
        line.put("dated", (place.budgetYear() - 1) + "-09-01");
        line.put("description", kind + " " + area);
        line.put("amounts", java.util.stream.IntStream.range(0, amounts.length)
                .mapToObj(i -> Map.of("year", place.budgetYear() + i, "amount", amounts[i])).toList());
        line.put("compensated", compensated);
        return line;
    }

    private static String path(Place place) {
        return place.base() + "/budgets/" + place.budgetYear() + "/adjustments";
    }

    private static long add(Place place, Map<String, Object> line) {
        return place.asFinance().body(line).post(path(place)).then().statusCode(201).extract().jsonPath()
                .getLong("line.lineId");
    }

    @Test
    void linesAreAddedChangedAndRemovedAndEveryChangePublishesTheWholeSetWithARisingRevision() throws Exception {
        Place m = NAESTVED;
        Fixture.register(m, List.of("ADM", "ÆLD"));
        String path = path(m);
        long pl = m.asFinance().body(line(m, "PRICE_WAGE", "ADM", false, 1_800_000, 1_800_000, 1_800_000, 1_800_000))
                .post(path).then().statusCode(201).header("ETag", equalTo("\"0\"")).body("revision", equalTo(1))
                .body("line.areaName", equalTo("Administration")).extract().jsonPath().getLong("line.lineId");
        long demography = add(m, line(m, "DEMOGRAPHY", "ÆLD", true, 5_000_000, 6_000_000, 7_000_000, 8_000_000));
        long dut = add(m, line(m, "LEGISLATION", "ÆLD", false, 500_000, 500_000, 500_000, 500_000));

        given().auth().oauth2(m.politician()).get(path).then().statusCode(200).body("revision", equalTo(3))
                .body("priceLevelYear", equalTo(m.budgetYear()))
                .body("lines.lineId", equalTo(List.of((int) pl, (int) demography, (int) dut)))
                .body("totals[0].compensated", equalTo(5_000_000))
                .body("totals[0].notCompensated", equalTo(2_300_000))
                .body("totals[3].total", equalTo(10_300_000))
                .body("byKind.find { it.kind == 'PRICE_WAGE' }.years[0].notCompensated", equalTo(1_800_000))
                .body("byKind.find { it.kind == 'LEGISLATION' }.years[0].notCompensated", equalTo(500_000));

        // a line changes only with the version it was read at
        Map<String, Object> more = line(m, "PRICE_WAGE", "ADM", false, 2_000_000, 2_000_000, 2_000_000, 2_000_000);
        assertProblem(m.asFinance().body(more).put(path + "/" + pl).then(), 428, "precondition-required");
        m.asFinance().header("If-Match", "\"0\"").body(more).put(path + "/" + pl).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("revision", equalTo(4))
                .body("line.amounts[0].amount", equalTo(2_000_000));
        m.asFinance().delete(path + "/" + dut).then().statusCode(204);
        assertProblem(given().auth().oauth2(m.system()).get(path + "/" + dut).then(), 404, "not-found");
        given().auth().oauth2(m.programOwner()).get(path + "/" + pl).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("kind", equalTo("PRICE_WAGE"));

        given().auth().oauth2(m.politician()).accept("text/csv").get(path).then().statusCode(200)
                .body(containsString("linje;art;kode;navn;dato;beskrivelse;kompenseret;2060;2061;2062;2063;prisniveau"))
                .body(containsString(pl + ";PRICE_WAGE;ADM;Administration;2059-09-01;PRICE_WAGE ADM;nej;2000000;2000000;"
                        + "2000000;2000000;2060"));

        JsonNode last = changed(m, 5);
        assertEquals(2, last.get("lines").size());
        JsonNode first = last.get("lines").get(0);
        assertEquals(pl, first.get("lineId").asLong());
        assertEquals("PRICE_WAGE", first.get("kind").asText());
        assertEquals("ADM", first.get("area").get("code").asText());
        assertEquals("Administration", first.get("area").get("name").asText());
        assertEquals(6, first.get("area").get("mainAccount").asInt());
        assertEquals(m.budgetYear() + 3, first.get("amounts").get(3).get("year").asInt());
        assertEquals(2_000_000, first.get("amounts").get(3).get("amount").asLong());
        assertEquals(false, first.get("compensated").asBoolean());
        assertEquals((m.budgetYear() - 1) + "-09-01", first.get("dated").asText());
        assertEquals(m.budgetYear(), last.get("priceLevelYear").asInt());
        assertEquals(1, changed(m, 1).get("lines").size());

        // only finance officers of the municipality write
        assertProblem(given().auth().oauth2(m.politician()).contentType("application/json").body(more).post(path)
                .then(), 403, "forbidden");
        String other = TestTokens.user("fo-101").roles("finance-officer").municipality("101").token();
        assertProblem(given().auth().oauth2(other).get(path).then(), 403, "wrong-municipality");
    }

    private static JsonNode changed(Place m, int revision) throws Exception {
        String key = m.municipality() + ":" + m.budgetYear();
        List<ConsumerRecord<String, String>> records = KafkaTopics.await(Events.BUDGET_ADJUSTMENTS_CHANGED.topic(),
                r -> key.equals(r.key()) && r.value().contains("\"revision\":" + revision + ","), 1,
                Duration.ofSeconds(30));
        assertEquals(1, records.size(), "budget-adjustments.changed revision " + revision + " keyed " + key);
        JsonNode event = Fixture.JSON.readTree(records.get(0).value());
        assertEquals(Events.BUDGET_ADJUSTMENTS_CHANGED.type(), event.get("type").asText());
        JsonNode data = event.get("data");
        assertEquals(m.municipality(), data.get("municipalityCode").asText());
        assertEquals(m.budgetYear(), data.get("budgetYear").asInt());
        return data;
    }

    @Test
    void badLinesAre422sNamingTheRuleAndTheFieldAndChangeNothing() {
        Place m = Fixture.at(NAESTVED.municipality(), 2062);
        Fixture.register(m, List.of("ADM", "ÆLD"));
        String path = path(m);
        assertProblem(m.asFinance().body(line(m, "PRICE_WAGE", "XYZ", false, 1, 1, 1, 1)).post(path).then(), 422,
                "business-rule").body("rule", equalTo("area-not-in-register"))
                .body("errors[0].field", equalTo("areaCode")).body("detail", containsString("XYZ"));
        assertProblem(m.asFinance().body(line(m, "PRICE_WAGE", "ADM", false, 1, 1, 1)).post(path).then(), 422,
                "business-rule").body("rule", equalTo("adjustment-years")).body("errors[0].field", equalTo("amounts"));
        Map<String, Object> wrongYear = line(m, "PRICE_WAGE", "ADM", false, 1, 1, 1, 1);
        wrongYear.put("amounts", List.of(Map.of("year", 2070, "amount", 1), Map.of("year", 2063, "amount", 1),
                Map.of("year", 2064, "amount", 1), Map.of("year", 2065, "amount", 1)));
        assertProblem(m.asFinance().body(wrongYear).post(path).then(), 422, "business-rule")
                .body("rule", equalTo("adjustment-years")).body("errors.field", hasItem("amounts[0].year"));
        assertProblem(m.asFinance().body(line(m, "PRICE_WAGE", "ADM", false, 1_000_000_000_001L, 1, 1, 1)).post(path)
                .then(), 400, "validation");
        given().auth().oauth2(m.finance()).get(path).then().statusCode(200).body("revision", equalTo(0))
                .body("lines.size()", equalTo(0));

        Map<String, Object> at2061 = line(m, "PRICE_WAGE", "ADM", false, 1, 1, 1, 1);
        at2061.put("priceLevelYear", 2061);
        add(m, at2061);
        Map<String, Object> at2062 = line(m, "DEMOGRAPHY", "ÆLD", false, 1, 1, 1, 1);
        at2062.put("priceLevelYear", 2062);
        assertProblem(m.asFinance().body(at2062).post(path).then(), 422, "business-rule")
                .body("rule", equalTo("adjustment-price-level")).body("errors[0].field", equalTo("priceLevelYear"));
        given().auth().oauth2(m.finance()).get(path).then().body("revision", equalTo(1))
                .body("priceLevelYear", equalTo(2061));

        // a municipality without a register of policy areas has no area to adjust
        assertProblem(FAXE.asFinance().body(line(FAXE, "PRICE_WAGE", "ADM", false, 1, 1, 1, 1)).post(path(FAXE))
                .then(), 422, "business-rule").body("rule", equalTo("area-not-in-register"))
                .body("errors[0].message", containsString("no register"));
    }

    @Test
    void theQuietPathIsTheLinesNotCompensatedOnceTheBudgetYearHasLines() {
        Place m = Fixture.at(NAESTVED.municipality(), 2061);
        Fixture.register(m, List.of("ADM", "ÆLD"));
        Fixture.importBudget(m, Map.of("ADM", 100_000_000L, "ÆLD", 600_000_000L));
        Map<String, Object> plan = Map.of("title", "Råderumsplan", "quiet", List.of(Map.of("areaCode", "ADM", "kind",
                "PRICE_WAGE", "percent", m.years().stream().map(y -> Map.of("year", y, "percent", 2)).toList())));
        m.asFinance().body(plan).put(m.base() + "/path-plans/" + m.budgetYear()).then().statusCode(201);
        JsonPath before = plan(m);
        assertEquals(List.of(2_000_000, 2_000_000, 2_000_000, 2_000_000), quiet(before));
        assertEquals("PLAN_PERCENT", before.getString("technicalAdjustments.quietPathFrom"));

        add(m, line(m, "PRICE_WAGE", "ADM", false, 1_800_000, 1_800_000, 1_800_000, 1_800_000));
        add(m, line(m, "DEMOGRAPHY", "ÆLD", true, 5_000_000, 6_000_000, 7_000_000, 8_000_000));
        add(m, line(m, "LEGISLATION", "ÆLD", false, 500_000, 0, 0, 0));

        JsonPath after = plan(m);
        assertEquals(List.of(2_300_000, 1_800_000, 1_800_000, 1_800_000), quiet(after));
        assertEquals("ADJUSTMENT_LINES", after.getString("technicalAdjustments.quietPathFrom"));
        assertEquals(3, after.getInt("technicalAdjustments.lines"));
        assertEquals(3, after.getInt("technicalAdjustments.revision"));
        assertEquals(5_000_000, after.getInt("technicalAdjustments.years[0].compensated"));
        assertEquals(2_300_000, after.getInt("technicalAdjustments.years[0].notCompensated"));
        assertEquals(9_800_000, after.getInt("technicalAdjustments.years[3].total"));
        assertEquals(List.of("ADM", "ÆLD"), after.getList("paths.find { it.path == 'QUIET' }.items.label"));
        assertEquals(true, after.getList("notes", String.class).stream()
                .anyMatch(note -> note.contains("percentages stated in the plan are not used")), after.prettify());
        assertEquals(2_300_000, after.getInt("summary[0].totalRoom"));
    }

    private static JsonPath plan(Place m) {
        return given().auth().oauth2(m.politician()).get(m.base() + "/path-plans/" + m.budgetYear()).then()
                .statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> quiet(JsonPath view) {
        return (List<Integer>) (List<?>) view.getList("paths.find { it.path == 'QUIET' }.years.amount");
    }

    @Test
    void linesAtAnotherPriceLevelAreConvertedToThePlansLevel() {
        Place m = Fixture.at(NAESTVED.municipality(), 2027);
        Fixture.register(m, List.of("ADM"));
        Fixture.importBudget(m, Map.of("ADM", 100_000_000L)); // at 2027 prices
        m.asFinance().body(Map.of("title", "Plan 2027")).put(m.base() + "/path-plans/" + m.budgetYear()).then()
                .statusCode(201);
        Map<String, Object> at2026 = line(m, "PRICE_WAGE", "ADM", false, 1_000_000, 1_000_000, 1_000_000, 1_000_000);
        at2026.put("priceLevelYear", 2026);
        add(m, at2026);
        int converted = given().auth().oauth2(m.finance()).queryParam("amount", 1_000_000).queryParam("from", 2026)
                .queryParam("to", 2027).get(m.base() + "/price-index/convert").then().statusCode(200).extract()
                .jsonPath().getInt("converted");
        assertEquals(true, converted > 1_000_000, "the default index rises from 2026 to 2027: " + converted);

        JsonPath view = plan(m);
        assertEquals(List.of(converted, converted, converted, converted), quiet(view));
        assertEquals(2027, view.getInt("technicalAdjustments.priceLevel.year"));
        assertEquals(2026, view.getInt("technicalAdjustments.priceLevel.convertedFrom"));
        assertEquals(converted, view.getInt("technicalAdjustments.years[0].notCompensated"));
        assertEquals(List.of(2026), view.getList("priceLevel.convertedFrom"));
        assertEquals(2026, view.getInt("paths.find { it.path == 'QUIET' }.items[0].priceLevel.convertedFrom"));
    }
}
