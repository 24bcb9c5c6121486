package dk.raaderum.target;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.platform.testing.TestTokens;
import dk.raaderum.target.Fixture.Place;

import io.quarkus.test.junit.QuarkusTest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The economic policy through the API: Halsnæs's policy (room 1.5 % of the operating budget every year, minimum cash
 * holdings, a service buffer, a ceiling for long-term debt) drafted, adopted, versioned and published; bad input as
 * 422s naming the rule and the field; tenancy and roles.
 */
@QuarkusTest
class EconomicPolicyTest {

    private static final Place HALSNAES = Fixture.at("260", 2060);
    private static final Place FREDERIKSSUND = Fixture.at("250", 2060);
    private static final Place GRIBSKOV = Fixture.at("270", 2060);
    private static final Place STEVNS = Fixture.at("336", 2060);

    static List<Map<String, Object>> perYear(Place place, Number... values) {
        List<Map<String, Object>> years = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            years.add(Map.of("year", place.budgetYear() + i, "value", values[i]));
        }
        return years;
    }

    static Map<String, Object> figure(String key, String kind, String unit, String boundType, List<?> bounds,
            List<?> baseline) {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("key", key);
        figure.put("name", "Nøgletal " + key);
        figure.put("kind", kind);
        figure.put("unit", unit);
        figure.put("boundType", boundType);
        figure.put("bounds", bounds);
        if (baseline != null) {
            figure.put("baseline", baseline);
        }
        return figure;
    }

    /** Halsnæs's four key figures for the place's four years. */
    static List<Map<String, Object>> halsnaes(Place p, long debtCeiling) {
        return List.of(
                figure("room", "ROOM", "PERCENT", "AT_LEAST", perYear(p, 1.5, 1.5, 1.5, 1.5), null),
                figure("cash-holdings", "CASH_HOLDINGS", "KRONER", "AT_LEAST",
                        perYear(p, 100_000_000, 100_000_000, 100_000_000, 100_000_000),
                        perYear(p, 140_000_000, 120_000_000, 105_000_000, 95_000_000)),
                figure("service-buffer", "SERVICE_BUFFER", "KRONER", "AT_LEAST",
                        perYear(p, 20_000_000, 20_000_000, 20_000_000, 20_000_000),
                        perYear(p, 25_000_000, 22_000_000, 18_000_000, 15_000_000)),
                figure("long-term-debt", "LONG_TERM_DEBT", "KRONER", "AT_MOST",
                        perYear(p, debtCeiling, debtCeiling, debtCeiling, debtCeiling),
                        perYear(p, 580_000_000, 575_000_000, 570_000_000, 565_000_000)));
    }

    static Map<String, Object> policy(Place place, List<Map<String, Object>> figures) {
        return Map.of("firstBudgetYear", place.budgetYear(), "priceLevelYear", place.budgetYear(), "keyFigures", figures);
    }

    @Test
    void halsnaesPolicyIsDraftedAdoptedVersionedAndPublishedKeyedByTheMunicipality() throws Exception {
        Place m = HALSNAES;
        String path = m.base() + "/economic-policies";
        Fixture.importBudget(m, Fixture.tenAreas()); // 5,500 mio. kr. a year
        assertProblem(given().auth().oauth2(m.politician()).get(path + "/current").then(), 404, "not-found");

        // the room's basis is the base budget's operating total: 1.5 % of 5,500 mio. kr. = 82.5 mio. kr.
        m.asFinance().body(policy(m, halsnaes(m, 600_000_000))).post(path).then().statusCode(201)
                .header("Location", endsWith("/economic-policies/1")).header("ETag", equalTo("\"0\""))
                .body("policyVersion", equalTo(1)).body("status", equalTo("DRAFT")).body("current", equalTo(false))
                .body("keyFigures[0].basisSource", equalTo("BASE_BUDGET"))
                .body("keyFigures[0].years[0].basis", equalTo(5_500_000_000L))
                .body("keyFigures[0].years[3].boundAmount", equalTo(82_500_000))
                .body("keyFigures[0].years[0].baseline", nullValue())
                .body("keyFigures[3].boundType", equalTo("AT_MOST"));

        // a draft changes only with the version it was read at; politicians and systems read, nobody else writes
        List<Map<String, Object>> stricter = halsnaes(m, 590_000_000);
        assertProblem(m.asFinance().body(policy(m, stricter)).put(path + "/1").then(), 428, "precondition-required");
        m.asFinance().header("If-Match", "\"0\"").body(policy(m, stricter)).put(path + "/1").then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("keyFigures[3].years[0].bound", equalTo(590_000_000));
        given().auth().oauth2(m.politician()).get(path + "/1").then().statusCode(200).header("ETag", equalTo("\"1\""));
        given().auth().oauth2(m.system()).get(path).then().statusCode(200).body("total", equalTo(1));
        assertProblem(given().auth().oauth2(m.programOwner()).get(path).then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(m.politician()).contentType("application/json")
                .body(Map.of("decisionReference", "Byrådet")).post(path + "/1/adopt").then(), 403, "forbidden");

        m.asFinance().header("If-Match", "\"1\"").body(Map.of("decisionReference", "Byrådet 19. juni 2059, pkt. 7"))
                .post(path + "/1/adopt").then().statusCode(200).body("status", equalTo("ADOPTED"))
                .body("current", equalTo(true)).body("decisionReference", equalTo("Byrådet 19. juni 2059, pkt. 7"))
                .body("adoptedBy", equalTo("fo-260"));
        // an adopted version never changes
        assertProblem(m.asFinance().body(Map.of("decisionReference", "Igen")).post(path + "/1/adopt").then(), 409,
                "policy-adopted");
        assertProblem(m.asFinance().header("If-Match", "\"2\"").body(policy(m, stricter)).put(path + "/1").then(), 409,
                "policy-adopted");

        JsonNode first = adoptedEvent(1);
        assertEquals(1, first.get("version").asInt());
        assertEquals(m.budgetYear(), first.get("firstBudgetYear").asInt());
        JsonNode room = first.get("keyFigures").get(0);
        assertEquals("ROOM", room.get("kind").asText());
        assertEquals("PERCENT", room.get("unit").asText());
        assertEquals("AT_LEAST", room.get("boundType").asText());
        assertEquals(1.5, room.get("bounds").get(0).get("value").asDouble());
        assertEquals(5_500_000_000L, room.get("basis").get(3).get("value").asLong());
        assertTrue(room.get("baseline").isNull(), "the room has no baseline");
        JsonNode cash = first.get("keyFigures").get(1);
        assertEquals(95_000_000L, cash.get("baseline").get(3).get("value").asLong());
        assertTrue(cash.get("basis").isNull(), "a kroner figure has no basis");

        // the next version starts from the adopted one; one draft at a time
        m.asFinance().body(Map.of()).post(path).then().statusCode(201).body("policyVersion", equalTo(2))
                .body("basedOn", equalTo(1)).body("keyFigures[3].years[0].bound", equalTo(590_000_000))
                .body("keyFigures[0].years[0].basis", equalTo(5_500_000_000L));
        assertProblem(m.asFinance().body(Map.of()).post(path).then(), 409, "policy-draft-exists")
                .body("draftVersion", equalTo(2));
        m.asFinance().header("If-Match", "\"0\"").body(policy(m, halsnaes(m, 560_000_000))).put(path + "/2").then()
                .statusCode(200);
        m.asFinance().body(Map.of("decisionReference", "Byrådet 18. juni 2060, pkt. 4", "version", 1))
                .post(path + "/2/adopt").then().statusCode(200);
        assertEquals(560_000_000L, adoptedEvent(2).get("keyFigures").get(3).get("bounds").get(0).get("value").asLong());

        given().auth().oauth2(m.politician()).get(path + "/current").then().statusCode(200)
                .body("policyVersion", equalTo(2));
        given().auth().oauth2(m.politician()).get(path + "/1").then().statusCode(200).body("current", equalTo(false))
                .body("status", equalTo("ADOPTED"));
        given().auth().oauth2(m.finance()).get(path).then().statusCode(200).body("items.policyVersion",
                equalTo(List.of(2, 1)));
        given().auth().oauth2(m.system()).get(path + "/history").then().statusCode(200)
                .body("currentVersion", equalTo(2))
                .body("versions.policyVersion", equalTo(List.of(1, 2)))
                .body("versions[0].changes.change", equalTo(List.of("ADDED", "ADDED", "ADDED", "ADDED")))
                .body("versions[1].changes.key", equalTo(List.of("long-term-debt")))
                .body("versions[1].changes.change", equalTo(List.of("CHANGED")))
                .body("versions[1].decisionReference", equalTo("Byrådet 18. juni 2060, pkt. 4"));
    }

    private static JsonNode adoptedEvent(int version) throws Exception {
        List<ConsumerRecord<String, String>> records = KafkaTopics.await(Events.ECONOMIC_POLICY_ADOPTED.topic(),
                r -> "260".equals(r.key()) && r.value().contains("\"version\":" + version + ","), 1,
                Duration.ofSeconds(30));
        assertEquals(1, records.size(), "economic-policy.adopted version " + version + " keyed 260");
        JsonNode event = Fixture.JSON.readTree(records.get(0).value());
        assertEquals(Events.ECONOMIC_POLICY_ADOPTED.type(), event.get("type").asText());
        assertEquals("260", event.get("municipality").asText());
        JsonNode data = event.get("data");
        assertEquals("260", data.get("municipalityCode").asText());
        assertEquals("fo-260", data.get("adoptedBy").asText());
        return data;
    }

    @Test
    void badKeyFiguresAre422sNamingTheRuleAndTheFieldAndNothingIsStored() {
        Place m = FREDERIKSSUND; // no base budget: a percent needs its basis stated
        String path = m.base() + "/economic-policies";
        Map<String, Object> noUnit = figure("cash", "CASH_HOLDINGS", null, "AT_LEAST", perYear(m, 1, 1, 1, 1),
                perYear(m, 2, 2, 2, 2));
        Map<String, Object> noBoundType = figure("cash", "CASH_HOLDINGS", "KRONER", null, perYear(m, 1, 1, 1, 1),
                perYear(m, 2, 2, 2, 2));
        Map<String, Object> threeYears = figure("cash", "CASH_HOLDINGS", "KRONER", "AT_LEAST", perYear(m, 1, 1, 1),
                perYear(m, 2, 2, 2, 2));
        Map<String, Object> debt = figure("debt", "LONG_TERM_DEBT", "KRONER", "AT_MOST", perYear(m, 1, 1, 1, 1),
                perYear(m, 2, 2, 2, 2));
        Map<String, Object> room = figure("room", "ROOM", "PERCENT", "AT_LEAST", perYear(m, 1.5, 1.5, 1.5, 1.5), null);
        Map<String, Object> roomWithBaseline = figure("room", "ROOM", "KRONER", "AT_LEAST", perYear(m, 1, 1, 1, 1),
                perYear(m, 0, 0, 0, 0));
        Map<String, Object> tooMuch = figure("debt", "LONG_TERM_DEBT", "KRONER", "AT_MOST",
                perYear(m, 1_000_000_000_001L, 1, 1, 1), perYear(m, 2, 2, 2, 2));

        rule(m, List.of(noUnit), "key-figure-unit", "keyFigures[0].unit");
        rule(m, List.of(noBoundType), "key-figure-bound-type", "keyFigures[0].boundType");
        rule(m, List.of(threeYears), "key-figure-years", "keyFigures[0].bounds");
        rule(m, List.of(debt, debt), "key-figure-duplicate", "keyFigures[1].key");
        rule(m, List.of(room), "key-figure-basis", "keyFigures[0].basis");
        rule(m, List.of(roomWithBaseline), "room-baseline", "keyFigures[0].baseline");
        rule(m, List.of(tooMuch), "key-figure-amount", "keyFigures[0].bounds[0].value");
        rule(m, List.of(), "key-figures-required", "keyFigures");
        assertProblem(m.asFinance().body(Map.of("firstBudgetYear", m.budgetYear())).post(path).then(), 422,
                "business-rule").body("rule", equalTo("policy-incomplete"))
                .body("errors.field", equalTo(List.of("priceLevelYear", "keyFigures")));
        given().auth().oauth2(m.finance()).get(path).then().statusCode(200).body("total", equalTo(0));

        // the same percent figure is fine with its basis stated
        Map<String, Object> stated = new LinkedHashMap<>(room);
        stated.put("basis", perYear(m, 2_000_000_000L, 2_000_000_000L, 2_000_000_000L, 2_000_000_000L));
        m.asFinance().body(policy(m, List.of(stated, debt))).post(path).then().statusCode(201)
                .body("keyFigures[0].basisSource", equalTo("GIVEN"))
                .body("keyFigures[0].years[0].boundAmount", equalTo(30_000_000));
    }

    private static void rule(Place m, List<Map<String, Object>> figures, String rule, String field) {
        assertProblem(m.asFinance().body(policy(m, figures)).post(m.base() + "/economic-policies").then(), 422,
                "business-rule").body("rule", equalTo(rule)).body("errors[0].field", equalTo(field));
    }

    @Test
    void anotherMunicipalityAndAnUnknownOneAreRefused() {
        Place m = GRIBSKOV;
        String other = TestTokens.user("fo-101").roles("finance-officer").municipality("101").token();
        assertProblem(given().auth().oauth2(other).get(m.base() + "/economic-policies").then(), 403,
                "wrong-municipality");
        assertProblem(given().auth().oauth2(other).contentType("application/json").body(policy(m, halsnaes(m, 1)))
                .post(m.base() + "/economic-policies").then(), 403, "wrong-municipality");
        assertProblem(given().auth().oauth2(m.finance()).get("/api/v1/municipalities/999/economic-policies").then(),
                404, "unknown-municipality");
        assertProblem(given().auth().oauth2(m.finance()).get(m.base() + "/economic-policies/7").then(), 404,
                "not-found");
        given().auth().oauth2(m.finance()).get(m.base() + "/economic-policies/history").then().statusCode(200)
                .body("versions.size()", equalTo(0)).body("currentVersion", nullValue());
    }

    @Test
    void twoDraftsStartedAtOnceGiveOneDraftAndOne409() throws Exception {
        Place m = STEVNS;
        Map<String, Object> body = policy(m, halsnaes(m, 600_000_000).subList(1, 4));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> {
                    var answer = m.asFinance().body(body).post(m.base() + "/economic-policies").then().extract();
                    return answer.statusCode() == 201 ? "201" : answer.statusCode() + " " + answer.path("type");
                }));
            }
            List<String> statuses = new ArrayList<>();
            for (Future<String> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            // the later ones wait for the first and are told which draft exists (not a bare unique-key conflict)
            assertEquals(1, statuses.stream().filter("201"::equals).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s.equals("409 https://raaderum.dk/problems/policy-draft-exists"))
                    .count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(m.finance()).get(m.base() + "/economic-policies").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].policyVersion", equalTo(1));
    }

    @Test
    void theDefaultBasisIsTheBaseBudgetsOperatingTotalAtThePolicysPriceLevel() {
        Place m = Fixture.at(GRIBSKOV.municipality(), 2027);
        Map<String, Object> budget = new LinkedHashMap<>(Fixture.budget(m, Map.of("ADM", 1_000_000_000L)));
        budget.put("priceLevelYear", 2026);
        m.asFinance().body(budget).put(m.base() + "/budgets/" + m.budgetYear()).then().statusCode(201);
        long converted = given().auth().oauth2(m.finance()).queryParam("amount", 1_000_000_000L).queryParam("from", 2026)
                .queryParam("to", 2027).get(m.base() + "/price-index/convert").then().statusCode(200).extract()
                .jsonPath().getLong("converted");

        Map<String, Object> room = figure("room", "ROOM", "PERCENT", "AT_LEAST", perYear(m, 1.5, 1.5, 1.5, 1.5), null);
        m.asFinance().body(policy(m, List.of(room))).post(m.base() + "/economic-policies").then().statusCode(201)
                .body("priceLevelYear", equalTo(2027))
                .body("keyFigures[0].basisSource", equalTo("BASE_BUDGET"))
                .body("keyFigures[0].years[0].basis", equalTo((int) converted))
                .body("keyFigures[0].years[0].boundAmount",
                        equalTo(java.math.BigDecimal.valueOf(converted).multiply(new java.math.BigDecimal("0.015"))
                                .setScale(0, java.math.RoundingMode.HALF_UP).intValueExact()));
    }
}
