package dk.raaderum.followup;

import static dk.raaderum.followup.support.Api.WAIT;
import static dk.raaderum.followup.support.Api.as;
import static dk.raaderum.followup.support.Api.base;
import static dk.raaderum.followup.support.Api.createEfficiency;
import static dk.raaderum.followup.support.Api.initiative;
import static dk.raaderum.followup.support.Api.report;
import static dk.raaderum.followup.support.Api.reportBody;
import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.raaderum.followup.support.Tokens;
import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.testing.KafkaTopics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

/** A municipality's cadence, due dates and thresholds, and how slots and statuses follow them. */
@QuarkusTest
class SettingsTest {

    private static Map<String, Object> settings(String cadence, int month, int day, int quarterlyDays, double green,
            double amber) {
        Map<String, Object> body = new HashMap<>();
        body.put("cadence", cadence);
        body.put("yearlyDueMonth", month);
        body.put("yearlyDueDay", day);
        body.put("quarterlyDueDays", quarterlyDays);
        body.put("greenThresholdPercent", green);
        body.put("amberThresholdPercent", amber);
        return body;
    }

    @Test
    void defaultsUntilSavedAndTheRulesOfSaving() {
        String m = "190";
        String path = base(m) + "/followup/settings";
        as(Tokens.politician(m)).get(path).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("defaults", equalTo(true))
                .body("cadence", equalTo("YEARLY"))
                .body("yearlyDueMonth", equalTo(4))
                .body("yearlyDueDay", equalTo(1))
                .body("greenThresholdPercent", equalTo(90))
                .body("amberThresholdPercent", equalTo(60));

        assertProblem(as(Tokens.politician(m)).body(settings("YEARLY", 4, 1, 45, 90, 60)).put(path).then(), 403,
                "forbidden");
        assertProblem(as(Tokens.finance(m)).header("If-Match", "\"0\"").body(settings("YEARLY", 4, 1, 45, 50, 60)).put(path).then(), 422,
                "business-rule").body("rule", equalTo("thresholds-order"));
        assertProblem(as(Tokens.finance(m)).header("If-Match", "\"0\"").body(settings("YEARLY", 2, 30, 45, 90, 60)).put(path).then(), 422,
                "business-rule").body("rule", equalTo("invalid-due-date"));
        assertProblem(as(Tokens.finance(m)).body(settings("YEARLY", 13, 1, 45, 1001, 60)).put(path).then(), 400,
                "validation").body("errors.field", hasItem("yearlyDueMonth"))
                .body("errors.field", hasItem("greenThresholdPercent"));
        assertProblem(as(Tokens.finance(m)).header("If-Match", "\"3\"").body(settings("YEARLY", 4, 1, 45, 90, 60)).put(path)
                .then(), 412, "precondition-failed");
        assertProblem(as(Tokens.finance(m)).body(settings("YEARLY", 4, 1, 45, 90, 60)).put(path).then(), 428,
                "precondition-required");

        as(Tokens.finance(m)).header("If-Match", "\"0\"").body(settings("YEARLY", 5, 1, 45, 85, 55)).put(path).then()
                .statusCode(200).header("ETag", "\"1\"")
                .body("defaults", equalTo(false))
                .body("version", equalTo(1))
                .body("updatedBy", equalTo("190-finance"));
        Map<String, Object> stale = settings("YEARLY", 5, 1, 45, 85, 55);
        stale.put("version", 0);
        assertProblem(as(Tokens.finance(m)).body(stale).put(path).then(), 409, "concurrent-modification");
        assertProblem(as(Tokens.finance("329")).body(settings("YEARLY", 4, 1, 45, 90, 60)).put(path).then(), 403,
                "wrong-municipality");
    }

    @Test
    void quarterlyCadenceReplansPendingYearsAndReportsNameTheirQuarter() throws Exception {
        String m = "210";
        String path = base(m) + "/followup/settings";
        long before = createEfficiency(m, "Før skiftet", "ÆLD", 2027, null, 200_000, 200_000, 200_000);
        report(m, before, 2027, 150_000, "PROBABLE");

        assertProblem(as(Tokens.finance(m)).body(settings("QUARTERLY", 4, 1, 45, 90, 60)).put(path).then(), 428,
                "precondition-required");
        as(Tokens.finance(m)).header("If-Match", "\"0\"").body(settings("QUARTERLY", 4, 1, 45, 90, 60)).put(path).then()
                .statusCode(200);
        as(Tokens.finance(m)).get(initiative(m, before)).then().statusCode(200)
                .body("slots.period", contains("2027", "2028-Q1", "2028-Q2", "2028-Q3", "2028-Q4", "2029-Q1", "2029-Q2",
                        "2029-Q3", "2029-Q4"))
                .body("slots.expected", contains(200_000, 50_000, 50_000, 50_000, 50_000, 50_000, 50_000, 50_000, 50_000))
                .body("slots[1].dueDate", equalTo("2028-05-15"))
                .body("slots[2].dueDate", equalTo("2028-08-14"))
                .body("slots[3].dueDate", equalTo("2028-11-14"))
                .body("slots[4].dueDate", equalTo("2029-02-14"))
                .body("slots[0].status", equalTo("REPORTED"));
        as(Tokens.finance(m)).get(initiative(m, before) + "/history").then()
                .body("items[0].action", equalTo("SLOTS_REPLANNED"));

        long after = createEfficiency(m, "Efter skiftet", "ÆLD", 2027, null, 100_001);
        as(Tokens.finance(m)).get(initiative(m, after)).then()
                .body("slots.period", contains("2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"))
                .body("slots.expected", contains(25_001, 25_000, 25_000, 25_000));
        assertProblem(as(Tokens.finance(m)).body(reportBody(2027, 20_000, "ESTIMATE")).post(initiative(m, after) + "/reports")
                .then(), 422, "business-rule").body("rule", equalTo("unknown-report-slot"));
        Map<String, Object> q1 = reportBody(2027, 20_000, "ESTIMATE");
        q1.put("quarter", 1);
        as(Tokens.finance(m)).body(q1).post(initiative(m, after) + "/reports").then().statusCode(201)
                .body("period", equalTo("2027-Q1")).body("expected", equalTo(25_001)).body("status", equalTo("AMBER"));
        JsonNode reported = new ObjectMapper().readTree(KafkaTopics.await(Events.BENEFIT_REPORTED.topic(),
                r -> Long.toString(after).equals(r.key()), 1, WAIT).get(0).value()).get("data");
        assertEquals("2027-Q1", reported.get("period").asText());
        assertEquals(25_001, reported.get("expected").asLong());
        Map<String, Object> q2 = reportBody(2027, 20_000, "ESTIMATE");
        q2.put("quarter", 2);
        assertProblem(as(Tokens.finance(m)).body(q2).post(initiative(m, after) + "/reports").then(), 422, "business-rule")
                .body("rule", equalTo("period-not-started"));

        // Back to yearly, due 30 June: the quarters without reports become one slot again.
        String etag = as(Tokens.finance(m)).get(path).then().statusCode(200).extract().header("ETag");
        as(Tokens.finance(m)).header("If-Match", etag).body(settings("YEARLY", 6, 30, 45, 90, 60)).put(path).then()
                .statusCode(200);
        as(Tokens.finance(m)).get(initiative(m, before)).then()
                .body("slots.period", contains("2027", "2028", "2029"))
                .body("slots.dueDate", contains("2028-04-01", "2029-06-30", "2030-06-30"));
        as(Tokens.finance(m)).get(initiative(m, after)).then()
                .body("slots.period", contains("2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"));
    }

    @Test
    void newThresholdsChangeTheStatusShownButNotWhatWasReported() {
        String m = "217";
        long id = createEfficiency(m, "Tærskeltest", "ÆLD", 2027, null, 200_000);
        report(m, id, 2027, 150_000, "DOCUMENTED");
        as(Tokens.finance(m)).get(initiative(m, id)).then().body("slots[0].rag", equalTo("AMBER"));

        as(Tokens.finance(m)).header("If-Match", "\"0\"").body(settings("YEARLY", 4, 1, 45, 70, 50))
                .put(base(m) + "/followup/settings").then().statusCode(200);
        as(Tokens.finance(m)).get(initiative(m, id)).then()
                .body("slots[0].rag", equalTo("GREEN"))
                .body("totals.status", equalTo("GREEN"));
        as(Tokens.finance(m)).get(initiative(m, id) + "/reports").then().body("items[0].status", equalTo("AMBER"));
        as(Tokens.finance(m)).queryParam("year", 2027).get(base(m) + "/followup/dashboard").then()
                .body("thresholds.greenPercent", equalTo(70.0f))
                .body("totals.green", equalTo(1));
    }
}
