package dk.raaderum.followup;

import static dk.raaderum.followup.support.Api.WAIT;
import static dk.raaderum.followup.support.Api.area;
import static dk.raaderum.followup.support.Api.as;
import static dk.raaderum.followup.support.Api.awaitSlotStatus;
import static dk.raaderum.followup.support.Api.base;
import static dk.raaderum.followup.support.Api.initiative;
import static dk.raaderum.followup.support.Api.report;
import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.followup.support.Tokens;
import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Investment pools (Næstved's two-year agreement: 2 mio. kr. in 2021, 10 mio. kr. a year from 2022): applications
 * with a business case, decisions, grants that draw on the pool and become initiatives, and the event.
 */
@QuarkusTest
class InvestmentPoolTest {

    /** Næstved. */
    private static final String M = "370";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String pools() {
        return base(M) + "/investment-pools";
    }

    private static String applications(long pool) {
        return pools() + "/" + pool + "/applications";
    }

    private static Map<String, Object> year(int year, long amount) {
        return Map.of("year", year, "amount", amount);
    }

    /** A Næstved-like pool: 2,000,000 kr. in 2021 and 10,000,000 kr. a year 2022–2024. */
    private static Map<String, Object> naestvedPool(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("decisionReference", "Budgetaftale 2021–2022, byrådet 8.10.2020, pkt. 3");
        body.put("description", "Udvalgene søger puljen med en business case.");
        body.put("years", List.of(year(2021, 2_000_000), year(2022, 10_000_000), year(2023, 10_000_000),
                year(2024, 10_000_000)));
        return body;
    }

    private static long createPool(Map<String, Object> body) {
        return as(Tokens.finance(M)).body(body).post(pools()).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Map<String, Object> application(String title, List<Map<String, Object>> costs,
            List<Map<String, Object>> gains, int payback) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("committee", "Social- og Sundhedsudvalget");
        body.put("title", title);
        body.put("description", "Spiserobotter og loftlifte frigør tid i hjemmeplejen.");
        body.put("area", area("ÆLD"));
        body.put("investmentCost", costs);
        body.put("expectedGains", gains);
        body.put("paybackYears", payback);
        body.put("uncertainty", "MEDIUM");
        body.put("owner", "naestved-owner");
        return body;
    }

    /** 1.5 mio. kr. in 2022, gains 300,000 / 700,000 / 700,000 / 700,000: paid back in year 3. */
    private static Map<String, Object> welfareTechnology() {
        return application("Velfærdsteknologi i hjemmeplejen", List.of(year(2022, 1_500_000)), List.of(year(2022,
                300_000), year(2023, 700_000), year(2024, 700_000), year(2025, 700_000)), 3);
    }

    private static long apply(long pool, Map<String, Object> body) {
        return as(Tokens.finance(M)).body(body).post(applications(pool)).then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private static Map<String, Object> grant() {
        return Map.of("decision", "GRANT", "reason", "Business casen holder.", "decidingBody", "FINANCE_COMMITTEE",
                "decisionReference", "ØU 2022-03-14 pkt. 7");
    }

    private static Response decide(long pool, long application, Map<String, Object> decision) {
        return as(Tokens.finance(M)).body(decision).post(applications(pool) + "/" + application + "/decisions");
    }

    @Test
    void aGrantedApplicationDrawsOnThePoolAndBecomesAnInitiativeWithItsPlannedGains() throws Exception {
        long pool = createPool(naestvedPool("Investeringspuljen 2021–2022"));
        as(Tokens.politician(M)).get(pools() + "/" + pool).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("years.year", contains(2021, 2022, 2023, 2024))
                .body("years.amount", contains(2_000_000, 10_000_000, 10_000_000, 10_000_000))
                .body("years.remaining", contains(2_000_000, 10_000_000, 10_000_000, 10_000_000))
                .body("totals.amount", equalTo(32_000_000));
        long id = apply(pool, welfareTechnology());
        as(Tokens.machine(M)).get(applications(pool) + "/" + id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("years.cumulativeCost", contains(1_500_000, 1_500_000, 1_500_000, 1_500_000))
                .body("years.cumulativeGain", contains(300_000, 1_000_000, 1_700_000, 2_400_000))
                .body("paybackYears", equalTo(3));

        long initiativeId = decide(pool, id, grant()).then().statusCode(200)
                .body("status", equalTo("GRANTED"))
                .body("decisions[0].decision", equalTo("GRANT"))
                .body("decisions[0].decidingBody", equalTo("FINANCE_COMMITTEE"))
                .body("decisions[0].decisionReference", equalTo("ØU 2022-03-14 pkt. 7"))
                .body("decisions[0].decidedBy", equalTo("370-finance"))
                .extract().jsonPath().getLong("initiativeId");

        as(Tokens.finance(M)).get(initiative(M, initiativeId)).then().statusCode(200)
                .body("source", equalTo("INVESTMENT_POOL"))
                .body("type", equalTo("INVESTMENT"))
                .body("title", equalTo("Velfærdsteknologi i hjemmeplejen"))
                .body("catalogYear", equalTo(2022))
                .body("uncertainty", equalTo("MEDIUM"))
                .body("owner.username", equalTo("naestved-owner"))
                .body("decisionReference", containsString("ØU 2022-03-14 pkt. 7"))
                .body("years.year", contains(2022, 2023, 2024, 2025))
                .body("years.expected", contains(300_000, 700_000, 700_000, 700_000))
                .body("slots.period", contains("2022", "2023", "2024", "2025"));
        as(Tokens.finance(M)).queryParam("type", "INVESTMENT").get(base(M) + "/initiatives").then().statusCode(200)
                .body("items.id", hasItem((int) initiativeId));

        // the test clock stands in 2027, so the overdue job marks the years 2022–2025 overdue; report after it did
        for (String period : List.of("2022", "2023", "2024", "2025")) {
            awaitSlotStatus(M, initiativeId, period, "OVERDUE");
        }
        report(M, initiativeId, 2022, 250_000, "DOCUMENTED");
        as(Tokens.finance(M)).get(pools() + "/" + pool).then().statusCode(200)
                .body("years.year", contains(2021, 2022, 2023, 2024, 2025))
                .body("years.granted", contains(0, 1_500_000, 0, 0, 0))
                .body("years.remaining", contains(2_000_000, 8_500_000, 10_000_000, 10_000_000, 0))
                .body("years.expectedGains", contains(0, 300_000, 700_000, 700_000, 700_000))
                .body("years.realisedGains", contains(0, 250_000, 0, 0, 0))
                .body("totals.granted", equalTo(1_500_000))
                .body("totals.expectedGains", equalTo(2_400_000))
                .body("totals.realisedGains", equalTo(250_000))
                .body("applications.granted", equalTo(1));
        as(Tokens.finance(M)).get(pools() + "/" + pool + "/history").then().statusCode(200)
                .body("items.action", contains("APPLICATION_DECIDED", "APPLIED", "POOL_CREATED"));

        ConsumerRecord<String, String> record = KafkaTopics.await(Events.INVESTMENT_POOL_GRANTED.topic(),
                r -> Long.toString(pool).equals(r.key()), 1, WAIT).get(0);
        JsonNode event = JSON.readTree(record.value());
        assertEquals(Events.INVESTMENT_POOL_GRANTED.type(), event.get("type").asText());
        assertEquals(M, event.get("municipality").asText());
        JsonNode data = event.get("data");
        assertEquals(pool, data.get("poolId").asLong());
        assertEquals(id, data.get("applicationId").asLong());
        assertEquals(initiativeId, data.get("initiativeId").asLong());
        assertEquals("Social- og Sundhedsudvalget", data.get("committee").asText());
        assertEquals(1_500_000, data.get("investmentCost").get(0).get("amount").asLong());
        assertEquals(4, data.get("expectedGains").size());
        assertEquals(3, data.get("paybackYears").asInt());
        assertEquals(8_500_000, data.get("remaining").get(1).get("amount").asLong());
        assertEquals("FINANCE_COMMITTEE", data.get("decidingBody").asText());
    }

    @Test
    void parallelGrantsDrawThePoolToZeroAndNeverBeyondIt() throws Exception {
        long pool = createPool(naestvedPool("Puljen der tømmes"));
        // 8 applications of 400,000 kr. in 2021 on a year of 2,000,000 kr.: room for exactly 5
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(apply(pool, application("Samtidig ansøgning " + i, List.of(year(2021, 400_000)),
                    List.of(year(2021, 100_000), year(2022, 300_000)), 2)));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Response>> grants = new ArrayList<>();
        for (long id : ids) {
            grants.add(() -> {
                start.await(30, TimeUnit.SECONDS);
                return decide(pool, id, grant());
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(ids.size());
        List<Response> answers = new ArrayList<>();
        try {
            List<Future<Response>> futures = new ArrayList<>();
            grants.forEach(grant -> futures.add(threads.submit(grant)));
            start.countDown();
            for (Future<Response> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }

        List<Response> granted = answers.stream().filter(a -> a.statusCode() == 200).toList();
        List<Response> refused = answers.stream().filter(a -> a.statusCode() != 200).toList();
        assertEquals(5, granted.size(), () -> "statuses " + answers.stream().map(Response::statusCode).toList());
        assertEquals(3, refused.size());
        for (Response answer : refused) {
            assertProblem(answer.then(), 409, "pool-exhausted")
                    .body("poolId", equalTo((int) pool))
                    .body("remaining.year", contains(2021, 2022, 2023, 2024))
                    .body("remaining.amount", contains(0, 10_000_000, 10_000_000, 10_000_000))
                    .body("shortfall[0].year", equalTo(2021))
                    .body("shortfall[0].amount", equalTo(400_000))
                    .body("detail", containsString("it remains 2021: 0 kr."))
                    .body("detail", containsString("short by 2021: 400.000 kr."));
        }
        as(Tokens.finance(M)).get(pools() + "/" + pool).then().statusCode(200)
                .body("years[0].granted", equalTo(2_000_000))
                .body("years[0].remaining", equalTo(0))
                .body("applications.granted", equalTo(5))
                .body("applications.submitted", equalTo(3));
        for (Response answer : granted) {
            long initiativeId = answer.jsonPath().getLong("initiativeId");
            as(Tokens.finance(M)).get(initiative(M, initiativeId)).then().statusCode(200)
                    .body("source", equalTo("INVESTMENT_POOL"));
        }
        // the pool stays at zero: one more grant is refused, and nothing was drawn
        long refusedId = ids.stream().filter(id -> as(Tokens.finance(M)).get(applications(pool) + "/" + id).then().extract().jsonPath()
                        .getString("status").equals("SUBMITTED")).findFirst().orElseThrow();
        assertProblem(decide(pool, refusedId, grant()).then(), 409, "pool-exhausted");
        as(Tokens.finance(M)).get(pools() + "/" + pool).then().body("years[0].remaining", equalTo(0));
        List<ConsumerRecord<String, String>> events = KafkaTopics.await(Events.INVESTMENT_POOL_GRANTED.topic(),
                r -> Long.toString(pool).equals(r.key()), 5, WAIT);
        assertEquals(5, events.size());
        assertTrue(events.stream().allMatch(r -> r.value().contains("\"poolId\":" + pool)));
    }

    @Test
    void aStatedPaybackThatDoesNotFollowFromTheAmountsIsRefusedWithTheComputedOne() {
        long pool = createPool(naestvedPool("Puljen med regnestykker"));
        Map<String, Object> claimsTwo = welfareTechnology();
        claimsTwo.put("paybackYears", 2);
        assertProblem(as(Tokens.finance(M)).body(claimsTwo).post(applications(pool)).then(), 422, "business-rule")
                .body("rule", equalTo("payback-inconsistent"))
                .body("statedPayback", equalTo(2))
                .body("computedPayback", equalTo(3))
                .body("paybackReached", equalTo(true))
                .body("errors[0].field", equalTo("paybackYears"));
        Map<String, Object> neverPaysBack = application("Aldrig tjent hjem", List.of(year(2022, 1_000_000)),
                List.of(year(2022, 100_000), year(2023, 100_000)), 2);
        assertProblem(as(Tokens.finance(M)).body(neverPaysBack).post(applications(pool)).then(), 422, "business-rule")
                .body("rule", equalTo("payback-inconsistent"))
                .body("paybackReached", equalTo(false))
                .body("computedPayback", nullValue());
        as(Tokens.finance(M)).get(applications(pool)).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badBusinessCasesAreRefusedNamingTheRuleOrTheField() {
        long pool = createPool(naestvedPool("Puljen med dårlige ansøgninger"));
        Map<String, Object> negative = application("Negativ", List.of(year(2022, -1)), List.of(year(2022, 1)), 1);
        assertProblem(as(Tokens.finance(M)).body(negative).post(applications(pool)).then(), 422, "business-rule")
                .body("rule", equalTo("negative-amount")).body("errors[0].field", equalTo("investmentCost[0].amount"));
        Map<String, Object> noCost = application("Uden udgift", List.of(), List.of(year(2022, 1)), 1);
        assertProblem(as(Tokens.finance(M)).body(noCost).post(applications(pool)).then(), 422, "business-rule")
                .body("rule", equalTo("investment-cost-required"));
        Map<String, Object> outside = application("Uden for puljen", List.of(year(2026, 100)), List.of(year(2026, 100)), 1);
        assertProblem(as(Tokens.finance(M)).body(outside).post(applications(pool)).then(), 422, "business-rule")
                .body("rule", equalTo("year-outside-pool")).body("errors[0].field", equalTo("investmentCost[0].year"));
        Map<String, Object> beyond = application("Større end puljen", List.of(year(2021, 2_000_001)),
                List.of(year(2021, 2_000_001)), 1);
        assertProblem(as(Tokens.finance(M)).body(beyond).post(applications(pool)).then(), 422, "business-rule")
                .body("rule", equalTo("beyond-pool"));
        Map<String, Object> lateGain = application("Sen gevinst", List.of(year(2022, 100)), List.of(year(2032, 100)), 11);
        assertProblem(as(Tokens.finance(M)).body(lateGain).post(applications(pool)).then(), 422, "business-rule")
                .body("rule", equalTo("year-outside-horizon"));
        Map<String, Object> twice = application("To gange", List.of(year(2022, 100), year(2022, 100)),
                List.of(year(2022, 200)), 1);
        assertProblem(as(Tokens.finance(M)).body(twice).post(applications(pool)).then(), 422, "business-rule")
                .body("rule", equalTo("duplicate-year"));

        Map<String, Object> huge = application("Enorm", List.of(year(2022, 1_000_000_000_001L)), List.of(), 1);
        assertProblem(as(Tokens.finance(M)).body(huge).post(applications(pool)).then(), 400, "validation")
                .body("errors.field", hasItem(containsString("investmentCost")));
        Map<String, Object> longTitle = welfareTechnology();
        longTitle.put("title", "x".repeat(301));
        assertProblem(as(Tokens.finance(M)).body(longTitle).post(applications(pool)).then(), 400, "validation")
                .body("errors.field", hasItem(containsString("title")));
        Map<String, Object> nul = welfareTechnology();
        nul.put("owner", "Lone\u0000Berg");
        assertProblem(as(Tokens.finance(M)).body(nul).post(applications(pool)).then(), 400, "validation")
                .body("errors.field", hasItem(containsString("owner")));
        Map<String, Object> uncertain = welfareTechnology();
        uncertain.put("uncertainty", "SOMEWHAT");
        assertProblem(as(Tokens.finance(M)).body(uncertain).post(applications(pool)).then(), 400, "validation");
        as(Tokens.finance(M)).get(applications(pool)).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anApplicationAskedForChangesIsChangedAndResubmittedButADecidedOneCannotChange() {
        long pool = createPool(naestvedPool("Puljen med ændringer"));
        long id = apply(pool, welfareTechnology());
        assertProblem(decide(pool, id, Map.of("decision", "ASK_FOR_CHANGES")).then(), 422, "business-rule")
                .body("rule", equalTo("reason-required"));
        as(Tokens.politician(M)).body(Map.of("decision", "ASK_FOR_CHANGES", "reason", "Gevinsten i 2022 er for optimistisk"))
                .post(applications(pool) + "/" + id + "/decisions").then().statusCode(200)
                .body("status", equalTo("CHANGES_REQUESTED"));
        assertProblem(decide(pool, id, grant()).then(), 409, "invalid-transition");

        Map<String, Object> changed = application("Velfærdsteknologi i hjemmeplejen", List.of(year(2022, 1_500_000)),
                List.of(year(2022, 100_000), year(2023, 700_000), year(2024, 700_000)), 3);
        assertProblem(as(Tokens.finance(M)).body(changed).put(applications(pool) + "/" + id).then(), 428,
                "precondition-required");
        String etag = as(Tokens.finance(M)).get(applications(pool) + "/" + id).then().extract().header("ETag");
        as(Tokens.finance(M)).header("If-Match", etag).body(changed).put(applications(pool) + "/" + id).then()
                .statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("years.expectedGain", contains(100_000, 700_000, 700_000));

        assertProblem(as(Tokens.politician(M)).body(grant()).post(applications(pool) + "/" + id + "/decisions").then(),
                403, "forbidden");
        assertProblem(decide(pool, id, Map.of("decision", "REJECT", "reason", "Ikke nok")).then(), 422, "business-rule")
                .body("rule", equalTo("governance-required"));
        decide(pool, id, Map.of("decision", "REJECT", "reason", "Andre ansøgninger giver mere",
                "decidingBody", "STANDING_COMMITTEE", "decidingBodyName", "Social- og Sundhedsudvalget",
                "decisionReference", "SSU 2022-04-02 pkt. 4")).then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("decisions.decision", contains("ASK_FOR_CHANGES", "REJECT"))
                .body("initiativeId", nullValue());
        String rejected = as(Tokens.finance(M)).get(applications(pool) + "/" + id).then().extract().header("ETag");
        assertProblem(as(Tokens.finance(M)).header("If-Match", rejected).body(changed).put(applications(pool) + "/"
                + id).then(), 409, "invalid-transition").body("applicationStatus", equalTo("REJECTED"));
        assertProblem(decide(pool, id, grant()).then(), 409, "invalid-transition");
        as(Tokens.finance(M)).get(pools() + "/" + pool).then().body("totals.granted", equalTo(0))
                .body("applications.rejected", equalTo(1));
        as(Tokens.finance(M)).get(pools() + "/" + pool + "/history").then()
                .body("items.action", hasItems("APPLICATION_CHANGED", "APPLICATION_DECIDED"));
    }

    @Test
    void aPoolCannotBeChangedBelowWhatIsGranted() {
        long pool = createPool(naestvedPool("Puljen der ændres"));
        long id = apply(pool, welfareTechnology());
        decide(pool, id, grant()).then().statusCode(200);
        String etag = as(Tokens.finance(M)).get(pools() + "/" + pool).then().extract().header("ETag");
        Map<String, Object> smaller = naestvedPool("Puljen der ændres");
        smaller.put("years", List.of(year(2021, 2_000_000), year(2022, 1_000_000), year(2023, 10_000_000)));
        assertProblem(as(Tokens.finance(M)).header("If-Match", etag).body(smaller).put(pools() + "/" + pool).then(),
                422, "business-rule")
                .body("rule", equalTo("pool-below-granted"))
                .body("errors[0].field", equalTo("years[1].year"))
                .body("granted[0].amount", equalTo(1_500_000));
        Map<String, Object> larger = naestvedPool("Puljen der ændres");
        larger.put("years", List.of(year(2021, 2_000_000), year(2022, 1_500_000), year(2023, 12_000_000)));
        as(Tokens.finance(M)).header("If-Match", etag).body(larger).put(pools() + "/" + pool).then().statusCode(200)
                .body("years.year", contains(2021, 2022, 2023, 2024, 2025))
                .body("years.amount", contains(2_000_000, 1_500_000, 12_000_000, 0, 0))
                .body("years.remaining", contains(2_000_000, 0, 12_000_000, 0, 0));
        assertProblem(as(Tokens.finance(M)).header("If-Match", etag).body(larger).put(pools() + "/" + pool).then(), 412,
                "precondition-failed");
    }

    @Test
    void anotherMunicipalityAndOtherRolesCannotTouchThePool() {
        long pool = createPool(naestvedPool("Næstveds egen pulje"));
        long id = apply(pool, welfareTechnology());
        assertProblem(as(Tokens.finance("751")).get(pools() + "/" + pool).then(), 403, "wrong-municipality");
        assertProblem(as(Tokens.finance("751")).body(welfareTechnology()).post(applications(pool)).then(), 403,
                "wrong-municipality");
        assertProblem(as(Tokens.finance("751")).body(grant()).post(applications(pool) + "/" + id + "/decisions")
                .then(), 403, "wrong-municipality");
        assertProblem(as(Tokens.finance("751")).get(base("751") + "/investment-pools/" + pool).then(), 404, "not-found");
        assertProblem(as(Tokens.politician(M)).body(naestvedPool("Politikerens pulje")).post(pools()).then(), 403,
                "forbidden");
        assertProblem(as(Tokens.owner("naestved-owner", M)).body(welfareTechnology()).post(applications(pool)).then(),
                403, "forbidden");
        as(Tokens.owner("naestved-owner", M)).get(applications(pool) + "/" + id).then().statusCode(200);
        as(Tokens.machine(M)).get(pools()).then().statusCode(200).body("items.id", hasItem((int) pool));
    }
}
