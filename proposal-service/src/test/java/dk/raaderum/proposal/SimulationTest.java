package dk.raaderum.proposal;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static dk.raaderum.proposal.support.Api.advance;
import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.createProposal;
import static dk.raaderum.proposal.support.Api.investment;
import static dk.raaderum.proposal.support.Api.presented;
import static dk.raaderum.proposal.support.Api.proposal;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The budget simulation against hand-computed expectations, the targets received from target-service's real topic,
 * and saved scenarios.
 */
@QuarkusTest
class SimulationTest {

    private static final String M = "159";
    private static final int Y = 2045;
    private static long catalog;
    private static long saving;
    private static long efficiency;
    private static long expansion;
    private static long investment;
    private static long draft;

    /*
     * Hand-computed: net change per year (negative creates room)
     *   saving      ÆLD  SAVING      -1,000,000 -2,000,000 -2,000,000 -2,000,000   HIGH
     *   efficiency  SKO  EFFICIENCY    -500,000   -500,000   -500,000   -500,000   MEDIUM
     *   expansion   SKO  EXPANSION      300,000    300,000    300,000    300,000   MEDIUM
     *   investment  TEK  INVESTMENT   cost 3,000,000 0 0 0, gains 0 500,000 500,000 500,000 → net 3,000,000 -500,000 -500,000 -500,000 (HIGH)
     * Room created per year = savings + efficiency + investments:
     *   2045: 1,000,000 + 500,000 - 3,000,000 = -1,500,000; 2046..2048: 2,000,000 + 500,000 + 500,000 = 3,000,000
     * Room spent: 300,000 every year. Net room: 2045 -1,800,000; 2046..2048 2,700,000; total 6,300,000
     * Room created over the horizon by proposals that create room at all: saving 7,000,000 + efficiency 2,000,000 (the
     * investment creates -1,500,000 over the horizon); HIGH uncertainty share 7/9 = 77.8 %.
     */
    /** Once per class; in @BeforeEach because RestAssured knows the test port only there. */
    @BeforeEach
    void catalog() {
        if (catalog != 0) {
            return;
        }
        catalog = createCatalog(M, Y);
        Map<String, Object> uncertain = proposal("ÆLD", "SAVING", "Rengøring hver tredje uge", Y,
                -1_000_000, -2_000_000, -2_000_000, -2_000_000);
        uncertain.put("uncertainty", "HIGH");
        saving = presented(M, catalog, uncertain);
        efficiency = presented(M, catalog, proposal("SKO", "EFFICIENCY", "Fælles skoleadministration", Y,
                -500_000, -500_000, -500_000, -500_000));
        expansion = presented(M, catalog, proposal("SKO", "EXPANSION", "Lektiecafé", Y, 300_000, 300_000, 300_000, 300_000));
        investment = presented(M, catalog, investment("TEK", "LED-gadelys", Y, new long[] { 3_000_000, 0, 0, 0 },
                new long[] { 0, 500_000, 500_000, 500_000 }));
        draft = createProposal(M, catalog, proposal("ÆLD", "EFFICIENCY", "Kladde", Y, -1, -1, -1, -1));
    }

    private static ValidatableResponse simulate(String token, Map<String, Object> request) {
        return as(token).body(request).post(base(M) + "/catalogs/" + catalog + "/simulations").then();
    }

    private static Map<String, Object> selection(long... ids) {
        return Map.of("proposalIds", java.util.Arrays.stream(ids).boxed().toList());
    }

    @Test
    void totalsPerYearMatchTheHandComputation() {
        simulate(Users.financeOfficer(M), selection(saving, efficiency, expansion, investment)).statusCode(200)
                .body("years.year", contains(Y, Y + 1, Y + 2, Y + 3))
                .body("years.savings", contains(1_000_000, 2_000_000, 2_000_000, 2_000_000))
                .body("years.efficiency", contains(500_000, 500_000, 500_000, 500_000))
                .body("years.investments", contains(-3_000_000, 500_000, 500_000, 500_000))
                .body("years.roomCreated", contains(-1_500_000, 3_000_000, 3_000_000, 3_000_000))
                .body("years.roomSpent", contains(300_000, 300_000, 300_000, 300_000))
                .body("years.netRoom", contains(-1_800_000, 2_700_000, 2_700_000, 2_700_000))
                .body("netRoomTotal", equalTo(6_300_000))
                .body("areas.find { it.areaCode == 'SKO' }.years[0].roomCreated", equalTo(500_000))
                .body("areas.find { it.areaCode == 'SKO' }.years[0].roomSpent", equalTo(300_000))
                .body("areas.find { it.areaCode == 'SKO' }.years[0].netRoom", equalTo(200_000))
                .body("areas.find { it.areaCode == 'TEK' }.years[1].roomCreated", equalTo(500_000))
                .body("selection.number", containsInAnyOrder("ÆLD-01", "SKO-01", "SKO-02", "TEK-01"))
                .body("warnings.code", hasItem("SPENDS_MORE_THAN_CREATED"))
                .body("warnings.code", hasItem("HIGH_UNCERTAINTY"))
                .body("warnings.find { it.code == 'HIGH_UNCERTAINTY' }.message", containsString("77.8 %"))
                .body("warnings.find { it.code == 'HIGH_UNCERTAINTY' }.message", containsString("ÆLD-01"))
                .body("warnings.find { it.code == 'PAYBACK_AFTER_HORIZON' }.message", containsString("TEK-01"));
    }

    @Test
    void percentMeasuresUseTheAreaBudgetsRoundedToWholeKroner() {
        // ÆLD budget 100,000,001 kr.; 0.5 % = 500,000.005 → 500,000; TEK 20,000,000, exempt from the frame reduction.
        // Withheld compensation 1.25 % on ÆLD: 1,250,000.0125 → 1,250,000.
        List<Map<String, Object>> budgets = new java.util.ArrayList<>();
        for (int year = Y; year < Y + 4; year++) {
            budgets.add(Map.of("areaCode", "ÆLD", "year", year, "amount", 100_000_001L));
            budgets.add(Map.of("areaCode", "TEK", "year", year, "amount", 20_000_000L));
            budgets.add(Map.of("areaCode", "SKO", "year", year, "amount", 60_000_000L));
            budgets.add(Map.of("areaCode", "DAG", "year", year, "amount", 40_000_000L));
        }
        simulate(Users.financeOfficer(M), Map.of("proposalIds", List.of(saving),
                "frameReduction", Map.of("percentPerYear", List.of(Map.of("year", Y, "percent", 0.5),
                        Map.of("year", Y + 1, "percent", 1)), "exemptAreas", List.of("TEK")),
                "withheldCompensation", Map.of("percent", 1.25, "areas", List.of("ÆLD")),
                "areaBudgets", budgets)).statusCode(200)
                // frame Y: ÆLD 500,000 + SKO 300,000 + DAG 200,000 = 1,000,000; Y+1: 1,000,000 + 600,000 + 400,000
                .body("years.frameReduction", contains(1_000_000, 2_000_000, 0, 0))
                .body("years.withheldCompensation", contains(1_250_000, 1_250_000, 1_250_000, 1_250_000))
                .body("years.netRoom", contains(3_250_000, 5_250_000, 3_250_000, 3_250_000))
                .body("areas.find { it.areaCode == 'TEK' }.years[0].frameReduction", equalTo(0))
                .body("areas.find { it.areaCode == 'ÆLD' }.years[0].frameReduction", equalTo(500_000));
    }

    @Test
    void areaBudgetsAreForTheCatalogsAreasAndYearsAndNeverNegative() {
        String finance = Users.financeOfficer(M);
        Map<String, Object> frame = Map.of("percentPerYear", List.of(Map.of("year", Y, "percent", 1)));
        assertProblem(simulate(finance, Map.of("proposalIds", List.of(saving), "frameReduction", frame,
                "areaBudgets", List.of(Map.of("areaCode", "ÆLD", "year", Y, "amount", -1_000_000_000_000L)))), 400,
                "validation").body("errors[0].field", equalTo("areaBudgets[0].amount"));
        assertProblem(simulate(finance, Map.of("proposalIds", List.of(saving), "areaBudgets", List.of(
                Map.of("areaCode", "ÆLD", "year", Y, "amount", 1),
                Map.of("areaCode", "XYZ", "year", Y, "amount", 5)))),
                422, "business-rule").body("rule", equalTo("unknown-area"))
                .body("errors[0].field", equalTo("areaBudgets[1].areaCode"));
        assertProblem(simulate(finance, Map.of("proposalIds", List.of(saving), "areaBudgets", List.of(
                Map.of("areaCode", "ÆLD", "year", Y + 4, "amount", 5)))), 422, "business-rule")
                .body("rule", equalTo("catalog-years")).body("errors[0].field", equalTo("areaBudgets[0].year"));
        assertProblem(simulate(finance, Map.of("proposalIds", List.of(saving), "areaBudgets", List.of(
                Map.of("areaCode", "ÆLD", "year", Y, "amount", 5),
                Map.of("areaCode", "ÆLD", "year", Y, "amount", 6)))),
                422, "business-rule").body("rule", equalTo("catalog-years"));
    }

    @Test
    void percentMeasuresNeedKnownBudgets() {
        assertProblem(simulate(Users.financeOfficer(M), Map.of("proposalIds", List.of(saving), "withheldCompensation",
                Map.of("percent", 1, "areas", List.of("DAG")))), 422, "business-rule")
                .body("rule", equalTo("area-budgets-known"));
        assertProblem(simulate(Users.financeOfficer(M), Map.of("proposalIds", List.of(saving), "withheldCompensation",
                Map.of("percent", 1, "areas", List.of("XYZ")))), 422, "business-rule").body("rule", equalTo("unknown-area"));
    }

    @Test
    void onlySelectableProposalsCanBeSimulated() {
        long withdrawn = createProposal(M, catalog, proposal("ÆLD", "EFFICIENCY", "Trukket", Y, -1, -1, -1, -1));
        advance(M, withdrawn, "WITHDRAW");
        assertProblem(simulate(Users.financeOfficer(M), selection(saving, withdrawn, 99_999_999L)), 422, "business-rule")
                .body("rule", equalTo("selectable-proposals"))
                .body("errors", hasSize(2));
        // a politician cannot select what he may not see
        assertProblem(simulate(Users.politician(M, "Venstre"), selection(saving, draft)), 422, "business-rule");
        simulate(Users.politician(M, "Venstre"), selection(saving)).statusCode(200);
        assertProblem(simulate(Users.programOwner(M), selection(saving)), 403, "forbidden");
        assertProblem(simulate(Users.financeOfficer("260"), selection(saving)), 403, "wrong-municipality");
    }

    @Test
    void targetsFromTargetServiceShowCoverageAndGaps() {
        long targetId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String round1 = allocation(targetId, 1, 1_500_000);
        KafkaTopics.send("target.allocated", Long.toString(targetId), round1);
        KafkaTopics.send("target.allocated", Long.toString(targetId), round1); // redelivered: applied once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(Users.financeOfficer(M))
                .get(base(M) + "/catalogs/" + catalog + "/targets").then().statusCode(200)
                .body("find { it.areaCode == 'ÆLD' && it.year == " + Y + " }.target", equalTo(1_500_000))
                .body("find { it.areaCode == 'ÆLD' && it.year == " + Y + " }.budget", equalTo(250_000_000)));

        // ÆLD: target 1.5 mio every year, the saving creates 1 mio, then 2 mio
        simulate(Users.politician(M, "Venstre"), selection(saving, efficiency)).statusCode(200)
                .body("areas.find { it.areaCode == 'ÆLD' }.years.target", contains(1_500_000, 1_500_000, 1_500_000, 1_500_000))
                .body("areas.find { it.areaCode == 'ÆLD' }.years.covered", contains(1_000_000, 1_500_000, 1_500_000, 1_500_000))
                .body("areas.find { it.areaCode == 'ÆLD' }.years.gap", contains(500_000, 0, 0, 0))
                .body("areas.find { it.areaCode == 'DAG' }.years[0].target", nullValue())
                .body("warnings.find { it.code == 'TARGET_GAP' }.message", containsString("ÆLD"));

        // an older round arriving late changes nothing; a newer one replaces the target
        KafkaTopics.send("target.allocated", Long.toString(targetId), allocation(targetId, 2, 2_500_000));
        KafkaTopics.send("target.allocated", Long.toString(targetId), allocation(targetId, 1, 9_999_999));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(Users.financeOfficer(M))
                .get(base(M) + "/catalogs/" + catalog + "/targets").then()
                .body("find { it.areaCode == 'ÆLD' && it.year == " + Y + " }.target", equalTo(2_500_000)));
        // same key, same partition: once this marker is applied, the stale round before it was handled too
        KafkaTopics.send("target.allocated", Long.toString(targetId), allocation(targetId + 1, 1, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(Users.financeOfficer(M))
                .get(base(M) + "/catalogs/" + catalog + "/targets").then()
                .body("find { it.areaCode == 'ÆLD' && it.year == " + Y + " }.target", equalTo(2_500_001)));
    }

    private static String allocation(long targetId, int round, long aeldAmount) {
        StringBuilder amounts = new StringBuilder();
        StringBuilder budget = new StringBuilder();
        for (int year = Y; year < Y + 4; year++) {
            amounts.append(amounts.isEmpty() ? "" : ",").append("{\"year\":").append(year).append(",\"amount\":")
                    .append(aeldAmount).append('}');
            budget.append(budget.isEmpty() ? "" : ",").append("{\"year\":").append(year).append(",\"amount\":250000000}");
        }
        return """
                {"specversion":"1.0","id":"%s","source":"/raaderum/target-service","type":"dk.raaderum.target.allocated.v1",
                 "subject":"%d","time":"2026-03-01T10:00:00Z","datacontenttype":"application/json","municipality":"%s",
                 "data":{"targetId":%d,"round":%d,"budgetYear":%d,"priceLevelYear":%d,"targetName":"Effektiviseringsmål 1 %%",
                   "responsibleBody":"FINANCE_COMMITTEE","allocatedAt":"2026-03-01T10:00:00Z",
                   "areas":[{"area":{"code":"ÆLD","name":"Ældreområdet","mainAccount":5,"committee":"Social- og Sundhedsudvalget"},
                             "amounts":[%s],"budget":[%s],"exempt":false}]}}"""
                .formatted(UUID.nameUUIDFromBytes((targetId + "/" + round).getBytes()), targetId, M, targetId, round, Y, Y,
                        amounts, budget);
    }

    @Test
    void politiciansSaveCompareAndDeleteScenarios() {
        String venstre = Users.politician(M, "Venstre");
        String scenarios = base(M) + "/catalogs/" + catalog + "/scenarios";
        String name = "Ældre først " + UUID.randomUUID();
        long mine = as(venstre).body(Map.of("name", name, "simulation", selection(saving, expansion))).post(scenarios)
                .then().statusCode(201).body("owner", equalTo("USER")).body("result.netRoomTotal", equalTo(5_800_000))
                .extract().jsonPath().getLong("id");
        long party = as(venstre).body(Map.of("name", "Gruppens " + name, "shareWithParty", true,
                "simulation", selection(saving, efficiency, investment))).post(scenarios)
                .then().statusCode(201).body("owner", equalTo("PARTY")).body("party", equalTo("Venstre"))
                .extract().jsonPath().getLong("id");
        assertProblem(as(venstre).body(Map.of("name", name, "simulation", selection(saving))).post(scenarios).then(), 409,
                "conflict");

        as(venstre).get(scenarios).then().statusCode(200).body("id", hasItem((int) mine)).body("id", hasItem((int) party));
        String partyColleague = dk.raaderum.platform.testing.TestTokens.user("venstre-2").roles("politician")
                .municipality(M).claim("party", "Venstre").token();
        as(partyColleague).get(scenarios + "/" + party).then().statusCode(200);
        assertProblem(as(partyColleague).get(scenarios + "/" + mine).then(), 404, "not-found");
        assertProblem(as(Users.politician(M, "Socialdemokratiet")).get(scenarios + "/" + party).then(), 404, "not-found");

        // right − left: the party scenario drops the expansion, adds efficiency and investment
        as(venstre).get(scenarios + "/compare?left=" + mine + "&right=" + party).then().statusCode(200)
                .body("selection.onlyLeft.id", contains((int) expansion))
                .body("selection.onlyRight.id", containsInAnyOrder((int) efficiency, (int) investment))
                .body("selection.both.id", contains((int) saving))
                .body("years.netRoomDifference", contains(-2_200_000, 1_300_000, 1_300_000, 1_300_000))
                .body("netRoomTotalDifference", equalTo(1_700_000));

        as(venstre).delete(scenarios + "/" + mine).then().statusCode(204);
        assertProblem(as(venstre).get(scenarios + "/" + mine).then(), 404, "not-found");
    }
    @Test
    void everyChangeCountsInTheNextSimulation() {
        long id = createProposal(M, catalog, proposal("DAG", "EFFICIENCY", "Færre åbningstimer", Y, -10, -20, -30, -40));
        String fo = Users.financeOfficer(M);
        simulate(fo, selection(id)).statusCode(200).body("years.efficiency", contains(10, 20, 30, 40));

        Map<String, Object> changed = proposal("DAG", "EFFICIENCY", "Færre åbningstimer", Y, -11, -22, -33, -44);
        changed.put("version", as(fo).get(base(M) + "/proposals/" + id).then().extract().path("version"));
        as(fo).body(changed).put(base(M) + "/proposals/" + id).then().statusCode(200);
        simulate(fo, selection(id)).statusCode(200).body("years.efficiency", contains(11, 22, 33, 44));

        long added = createProposal(M, catalog, proposal("DAG", "SAVING", "Lukket om fredagen", Y, -1, -1, -1, -1));
        simulate(fo, selection(id, added)).statusCode(200).body("years.savings", contains(1, 1, 1, 1));

        advance(M, id, "WITHDRAW");
        assertProblem(simulate(fo, selection(id)), 422, "business-rule").body("rule", equalTo("selectable-proposals"));
    }
}
