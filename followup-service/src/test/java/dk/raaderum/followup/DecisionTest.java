package dk.raaderum.followup;

import static dk.raaderum.followup.support.Api.WAIT;
import static dk.raaderum.followup.support.Api.as;
import static dk.raaderum.followup.support.Api.createEfficiency;
import static dk.raaderum.followup.support.Api.decide;
import static dk.raaderum.followup.support.Api.governed;
import static dk.raaderum.followup.support.Api.initiative;
import static dk.raaderum.followup.support.Api.report;
import static dk.raaderum.followup.support.Api.reportBody;
import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.followup.support.Tokens;
import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Decisions: what each needs, what it changes, who may take it, and the events. */
@QuarkusTest
class DecisionTest {

    private static final String M = "165";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void adjustChangesTheExpectationOfUnreportedYearsAndTheirSlots() {
        long id = createEfficiency(M, "Omlagt rengøring", "ÆLD", 2027, null, 400_000, 400_000, 400_000, 400_000);
        report(M, id, 2027, 250_000, "PROBABLE");

        assertProblem(as(Tokens.finance(M)).body(Map.of("decision", "ADJUST", "expected", List.of(Map.of("year", 2028,
                "amount", 200_000)))).post(initiative(M, id) + "/decisions").then(), 422, "business-rule")
                .body("rule", equalTo("reason-required"));
        assertProblem(as(Tokens.finance(M)).body(Map.of("decision", "ADJUST", "reason", "Forsinket")).post(
                initiative(M, id) + "/decisions").then(), 422, "business-rule").body("rule", equalTo("adjust-needs-profile"));
        assertProblem(as(Tokens.finance(M)).body(governed(Map.of("decision", "ADJUST", "reason", "Forsinket", "expected",
                List.of(Map.of("year", 2027, "amount", 250_000))))).post(initiative(M, id) + "/decisions").then(), 422,
                "business-rule").body("rule", equalTo("reported-year-fixed"))
                .body("errors[0].field", equalTo("expected[0].year"));
        assertProblem(as(Tokens.finance(M)).body(governed(Map.of("decision", "ADJUST", "reason", "Forsinket", "expected",
                List.of(Map.of("year", 2040, "amount", 1))))).post(initiative(M, id) + "/decisions").then(), 422,
                "business-rule").body("rule", equalTo("year-outside-horizon"));

        as(Tokens.finance(M)).body(governed(Map.of("decision", "ADJUST", "reason", "Udrulningen er forsinket et år",
                "expected", List.of(Map.of("year", 2028, "amount", 0), Map.of("year", 2029, "amount", 300_000),
                        Map.of("year", 2031, "amount", 100_000)))))
                .post(initiative(M, id) + "/decisions").then().statusCode(201)
                .header("Location", containsString("/decisions/"))
                .body("decision", equalTo("ADJUST"))
                .body("years.year", contains(2027, 2028, 2029, 2030, 2031))
                .body("years.expectedBefore", contains(400_000, 400_000, 400_000, 400_000, 0))
                .body("years.expectedAfter", contains(400_000, 0, 300_000, 400_000, 100_000))
                .body("years.realised", contains(250_000, null, null, null, null));
        as(Tokens.finance(M)).get(initiative(M, id)).then().statusCode(200)
                .body("lastDecision", equalTo("ADJUST"))
                .body("years.adopted", contains(400_000, 400_000, 400_000, 400_000, 0))
                .body("years.expected", contains(400_000, 0, 300_000, 400_000, 100_000))
                .body("years.gainsAtRisk", contains(150_000, 400_000, 100_000, 0, 0))
                .body("slots.period", contains("2027", "2029", "2030", "2031"))
                .body("slots.expected", contains(400_000, 300_000, 400_000, 100_000));
    }

    @Test
    void terminateClosesTheSlotsShowsTheBudgetRiskAndEndsReporting() throws Exception {
        long id = createEfficiency(M, "Lukning af filial", "KUL", 2027, null, 600_000, 600_000, 600_000);
        report(M, id, 2027, 450_000, "DOCUMENTED");
        String etag = as(Tokens.finance(M)).get(initiative(M, id)).then().extract().header("ETag");

        Map<String, Object> terminate = Map.of("decision", "TERMINATE", "reason", "Borgerne bruger ikke det nye tilbud",
                "decidingBody", "STANDING_COMMITTEE", "decidingBodyName", "Kultur- og Fritidsudvalget",
                "decisionReference", "KFU 2028-03-14 pkt. 7");
        assertProblem(as(Tokens.finance(M)).body(Map.of("decision", "TERMINATE")).post(initiative(M, id) + "/decisions")
                .then(), 422, "business-rule").body("rule", equalTo("reason-required"));
        assertProblem(as(Tokens.finance(M)).header("If-Match", "\"0\"").body(terminate).post(initiative(M, id)
                + "/decisions").then(), 412, "precondition-failed");
        long decisionId = as(Tokens.finance(M)).header("If-Match", etag).body(terminate).post(initiative(M, id)
                + "/decisions").then().statusCode(201)
                .body("budgetRisk", equalTo(150_000 + 600_000 + 600_000))
                .body("years.remainder", contains(150_000, 600_000, 600_000))
                .body("decidingBody", equalTo("STANDING_COMMITTEE"))
                .body("decidingBodyName", equalTo("Kultur- og Fritidsudvalget"))
                .body("decisionReference", equalTo("KFU 2028-03-14 pkt. 7"))
                .body("decidedBy", equalTo("165-finance"))
                .extract().jsonPath().getLong("id");
        as(Tokens.politician(M)).get(initiative(M, id) + "/decisions/" + decisionId).then().statusCode(200)
                .body("decidingBodyName", equalTo("Kultur- og Fritidsudvalget"))
                .body("decisionReference", equalTo("KFU 2028-03-14 pkt. 7"));
        as(Tokens.politician(M)).get(initiative(M, id) + "/decisions").then().statusCode(200)
                .body("items[0].decidingBody", equalTo("STANDING_COMMITTEE"));
        as(Tokens.finance(M)).get(initiative(M, id)).then()
                .body("status", equalTo("TERMINATED"))
                .body("slots.status", contains("REPORTED", "CLOSED", "CLOSED"))
                .body("totals.gainsAtRisk", equalTo(1_350_000));

        JsonNode event = JSON.readTree(KafkaTopics.await(Events.INITIATIVE_TERMINATED.topic(),
                r -> Long.toString(id).equals(r.key()), 1, WAIT).get(0).value());
        assertEquals(Events.INITIATIVE_TERMINATED.type(), event.get("type").asText());
        assertEquals(M, event.get("municipality").asText());
        JsonNode data = event.get("data");
        assertEquals(id, data.get("initiativeId").asLong());
        assertEquals("EFFICIENCY", data.get("type").asText());
        assertEquals("KUL", data.get("area").get("code").asText());
        assertEquals("Borgerne bruger ikke det nye tilbud", data.get("reason").asText());
        assertEquals("DOCUMENTED", data.get("evidenceLevel").asText());
        assertEquals("STANDING_COMMITTEE", data.get("decidingBody").asText());
        assertEquals("Kultur- og Fritidsudvalget", data.get("decidingBodyName").asText());
        assertEquals("KFU 2028-03-14 pkt. 7", data.get("decisionReference").asText());
        assertEquals("[{\"year\":2027,\"amount\":150000},{\"year\":2028,\"amount\":600000},{\"year\":2029,\"amount\":600000}]",
                data.get("unrealisedRemainder").toString());

        assertProblem(as(Tokens.finance(M)).body(reportBody(2027, 1, "ESTIMATE")).post(initiative(M, id) + "/reports")
                .then(), 409, "initiative-terminated");
        assertProblem(as(Tokens.finance(M)).body(Map.of("decision", "CONTINUE")).post(initiative(M, id) + "/decisions")
                .then(), 409, "initiative-terminated");
    }

    @Test
    void shareNeedsARealisedGainAndCarriesItsEvidence() throws Exception {
        long id = createEfficiency(M, "Genbrug af hjælpemidler", "ÆLD", 2027, null, 300_000, 300_000);
        assertProblem(as(Tokens.finance(M)).body(Map.of("decision", "SHARE")).post(initiative(M, id) + "/decisions").then(),
                422, "business-rule").body("rule", equalTo("share-needs-report"));
        report(M, id, 2027, 320_000, "PROBABLE");
        decide(M, id, Map.of("decision", "SHARE", "narrative", "Depotet kan drives sammen med nabokommunen"));

        JsonNode data = JSON.readTree(KafkaTopics.await(Events.INITIATIVE_SHARED.topic(),
                r -> Long.toString(id).equals(r.key()), 1, WAIT).get(0).value()).get("data");
        assertEquals("SHARE", data.get("decision").asText());
        assertEquals("Genbrug af hjælpemidler", data.get("title").asText());
        assertEquals("PROBABLE", data.get("evidenceLevel").asText());
        assertEquals("[{\"year\":2027,\"amount\":320000}]", data.get("realised").toString());
        assertEquals("Depotet kan drives sammen med nabokommunen", data.get("narrative").asText());
        assertTrue(data.path("proposalId").isNull() || data.path("proposalId").isMissingNode(), "registered by hand");
        assertEquals("[]", data.get("unrealisedRemainder").toString());
        as(Tokens.finance(M)).get(initiative(M, id)).then().body("status", equalTo("ACTIVE"))
                .body("lastDecision", equalTo("SHARE"));
    }

    @Test
    void scaleUpNamesItsAreasAndContinueNeedsNothing() throws Exception {
        long id = createEfficiency(M, "Træning i eget hjem", "ÆLD", 2027, null, 500_000);
        assertProblem(as(Tokens.finance(M)).body(Map.of("decision", "SCALE_UP")).post(initiative(M, id) + "/decisions")
                .then(), 422, "business-rule").body("rule", equalTo("scale-up-needs-areas"));
        assertProblem(as(Tokens.finance(M)).body(Map.of("decision", "CONTINUE", "scaleUpAreas", List.of("Sygeplejen")))
                .post(initiative(M, id) + "/decisions").then(), 422, "business-rule")
                .body("rule", equalTo("field-not-for-decision"));
        decide(M, id, governed(Map.of("decision", "SCALE_UP", "scaleUpAreas", List.of("Sygeplejen"), "reason", "Virker")));
        decide(M, id, Map.of("decision", "CONTINUE"));

        JsonNode data = JSON.readTree(KafkaTopics.await(Events.INITIATIVE_SCALED_UP.topic(),
                r -> Long.toString(id).equals(r.key()), 1, WAIT).get(0).value()).get("data");
        assertEquals("[\"Sygeplejen\"]", data.get("scaleUpAreas").toString());
        assertEquals("FINANCE_COMMITTEE", data.get("decidingBody").asText());
        assertEquals("ØU 2027-03-14 pkt. 7", data.get("decisionReference").asText());
        assertTrue(data.path("evidenceLevel").isNull() || data.path("evidenceLevel").isMissingNode(), "no reports yet");
        as(Tokens.machine(M)).get(initiative(M, id) + "/decisions").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.decision", contains("CONTINUE", "SCALE_UP"))
                .body("items[0].budgetRisk", nullValue());
        assertTrue(KafkaTopics.collect(Events.INITIATIVE_TERMINATED.topic(), r -> Long.toString(id).equals(r.key()),
                Duration.ofSeconds(1)).isEmpty(), "CONTINUE and SCALE_UP terminate nothing");
    }

    @Test
    void adjustTerminateAndScaleUpNameTheDecidingBodyAndMeeting() {
        long id = createEfficiency(M, "Samlet vagtcentral", "ÆLD", 2027, null, 200_000, 200_000);
        String decisions = initiative(M, id) + "/decisions";
        for (Map<String, Object> decision : List.<Map<String, Object>>of(
                Map.of("decision", "TERMINATE", "reason", "Opgivet"),
                Map.of("decision", "ADJUST", "reason", "Senere", "expected", List.of(Map.of("year", 2028, "amount", 1))),
                Map.of("decision", "SCALE_UP", "scaleUpAreas", List.of("Sygeplejen")))) {
            assertProblem(as(Tokens.finance(M)).body(decision).post(decisions).then(), 422, "business-rule")
                    .body("rule", equalTo("governance-required"))
                    .body("errors.field", containsInAnyOrder("decidingBody", "decisionReference"));
        }
        assertProblem(as(Tokens.finance(M)).body(Map.of("decision", "TERMINATE", "reason", "Opgivet",
                "decidingBody", "STANDING_COMMITTEE", "decisionReference", "SSU 2027-05-02 pkt. 3")).post(decisions)
                .then(), 422, "business-rule")
                .body("rule", equalTo("governance-required"))
                .body("errors.field", contains("decidingBodyName"));
        assertProblem(as(Tokens.finance(M)).body(Map.of("decision", "TERMINATE", "reason", "Opgivet",
                "decidingBody", "FINANCE_COMMITTEE", "decisionReference", " ")).post(decisions).then(), 422,
                "business-rule")
                .body("errors.field", contains("decisionReference"));
        assertProblem(as(Tokens.finance(M)).body(Map.of("decision", "TERMINATE", "reason", "Opgivet",
                "decidingBody", "DIRECTOR", "decisionReference", "Direktørbeslutning")).post(decisions).then(), 422,
                "business-rule")
                .body("rule", equalTo("not-a-deciding-body"))
                .body("errors.field", contains("decidingBody"));
        assertProblem(as(Tokens.finance(M)).body(Map.of("decision", "CONTINUE", "decidingBody", "COUNCIL"))
                .post(decisions).then(), 422, "business-rule")
                .body("rule", equalTo("governance-required"))
                .body("errors.field", contains("decisionReference"));
        as(Tokens.finance(M)).get(initiative(M, id)).then().body("status", equalTo("ACTIVE"))
                .body("lastDecision", nullValue());

        // CONTINUE needs no body; when one is given it is kept
        as(Tokens.politician(M)).body(Map.of("decision", "CONTINUE")).post(decisions).then().statusCode(201)
                .body("decidingBody", nullValue())
                .body("decisionReference", nullValue());
        as(Tokens.politician(M)).body(Map.of("decision", "CONTINUE", "decidingBody", "COUNCIL",
                "decisionReference", "Byrådet 2027-06-20 pkt. 12")).post(decisions).then().statusCode(201)
                .body("decidingBody", equalTo("COUNCIL"))
                .body("decisionReference", equalTo("Byrådet 2027-06-20 pkt. 12"));
    }

    @Test
    void aPoliticianCannotRegisterAdjustTerminateOrScaleUp() {
        long id = createEfficiency(M, "Nedlæggelse af udekørende team", "ÆLD", 2027, null, 300_000, 300_000);
        String decisions = initiative(M, id) + "/decisions";
        for (Map<String, Object> decision : List.<Map<String, Object>>of(
                Map.of("decision", "TERMINATE", "reason", "Partiet vil af med det"),
                Map.of("decision", "ADJUST", "reason", "Lavere", "expected", List.of(Map.of("year", 2028, "amount", 1))),
                Map.of("decision", "SCALE_UP", "scaleUpAreas", List.of("Sygeplejen")))) {
            assertProblem(as(Tokens.politician(M)).body(governed(decision)).post(decisions).then(), 403, "forbidden")
                    .body("detail", containsString("registered on its behalf by a finance officer"));
        }
        as(Tokens.finance(M)).get(initiative(M, id)).then()
                .body("status", equalTo("ACTIVE"))
                .body("slots.status", contains("PENDING", "PENDING"))
                .body("version", equalTo(0));
        as(Tokens.finance(M)).get(decisions).then().body("total", equalTo(0));
        assertTrue(KafkaTopics.collect(Events.INITIATIVE_TERMINATED.topic(), r -> Long.toString(id).equals(r.key()),
                Duration.ofSeconds(1)).isEmpty(), "a refused TERMINATE publishes nothing");
    }

    @Test
    void onlyFinanceOfficersAndPoliticiansDecideAndAStaleVersionIsRefused() {
        long id = createEfficiency(M, "Færre kørselsordninger", "ÆLD", 2027, "albertslund-owner", 100_000);
        assertProblem(as(Tokens.owner("albertslund-owner", M)).body(Map.of("decision", "CONTINUE"))
                .post(initiative(M, id) + "/decisions").then(), 403, "forbidden");
        assertProblem(as(Tokens.machine(M)).body(Map.of("decision", "CONTINUE"))
                .post(initiative(M, id) + "/decisions").then(), 403, "forbidden");
        assertProblem(as(Tokens.politician("101")).body(Map.of("decision", "CONTINUE"))
                .post(initiative(M, id) + "/decisions").then(), 403, "wrong-municipality");
        assertProblem(as(Tokens.finance(M)).body(Map.of("decision", "PAUSE")).post(initiative(M, id) + "/decisions")
                .then(), 400, "validation");
        decide(M, id, Map.of("decision", "CONTINUE", "version", 0));
        assertProblem(as(Tokens.finance(M)).body(Map.of("decision", "CONTINUE", "version", 0))
                .post(initiative(M, id) + "/decisions").then(), 409, "concurrent-modification")
                .body("currentVersion", equalTo(1));
    }
}
