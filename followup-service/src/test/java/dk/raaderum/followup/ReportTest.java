package dk.raaderum.followup;

import static dk.raaderum.followup.support.Api.as;
import static dk.raaderum.followup.support.Api.createEfficiency;
import static dk.raaderum.followup.support.Api.initiative;
import static dk.raaderum.followup.support.Api.report;
import static dk.raaderum.followup.support.Api.reportBody;
import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dk.raaderum.followup.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.util.Map;

/** Benefit reports: who may report, what a report must hold, ratios and statuses, corrections. */
@QuarkusTest
class ReportTest {

    private static final String M = "370";

    @Test
    void ownerReportsAndGetsRatioAndStatus() {
        long id = createEfficiency(M, "Rammeaftale på vikarer", "SKO", 2027, "naestved-owner", 1_000_000, 1_000_000);
        as(Tokens.owner("naestved-owner", M)).body(reportBody(2027, 650_000, "DOCUMENTED"))
                .post(initiative(M, id) + "/reports").then().statusCode(201)
                .header("Location", containsString("/initiatives/" + id + "/reports/"))
                .body("period", equalTo("2027"))
                .body("expected", equalTo(1_000_000))
                .body("realised", equalTo(650_000))
                .body("ratio", equalTo(0.65f))
                .body("status", equalTo("AMBER"))
                .body("reportedBy", equalTo("naestved-owner"));
        as(Tokens.finance(M)).get(initiative(M, id)).then().statusCode(200)
                .body("slots[0].status", equalTo("REPORTED"))
                .body("slots[0].rag", equalTo("AMBER"))
                .body("slots[0].evidenceLevel", equalTo("DOCUMENTED"))
                .body("years[0].realised", equalTo(650_000))
                .body("years[1].realised", nullValue())
                .body("totals.realised", equalTo(650_000));
    }

    @Test
    void onlyTheOwnerOrAFinanceOfficerMayReport() {
        long id = createEfficiency(M, "Samkørsel af skolebusser", "SKO", 2027, "naestved-owner", 500_000);
        String path = initiative(M, id) + "/reports";
        assertProblem(as(Tokens.owner("someone-else", M)).body(reportBody(2027, 1, "ESTIMATE")).post(path).then(), 403,
                "forbidden").body("detail", containsString("naestved-owner"));
        assertProblem(as(Tokens.politician(M)).body(reportBody(2027, 1, "ESTIMATE")).post(path).then(), 403, "forbidden");
        assertProblem(as(Tokens.machine(M)).body(reportBody(2027, 1, "ESTIMATE")).post(path).then(), 403, "forbidden");
        assertProblem(as(Tokens.finance("260")).body(reportBody(2027, 1, "ESTIMATE")).post(path).then(), 403,
                "wrong-municipality");
        assertProblem(given().contentType("application/json").body(reportBody(2027, 1, "ESTIMATE")).post(path).then(), 401,
                "unauthenticated");
        as(Tokens.owner("naestved-owner", M)).body(reportBody(2027, 480_000, "PROBABLE")).post(path).then().statusCode(201);
        Map<String, Object> correction = reportBody(2027, 470_000, "DOCUMENTED");
        correction.put("correctionReason", "Økonomiafdelingen har afstemt med regnskabet");
        as(Tokens.finance(M)).body(correction).post(path).then().statusCode(201).body("reportedBy", equalTo("370-finance"));
    }

    @Test
    void anInitiativeWithoutOwnerLoginTakesReportsFromFinanceOfficersOnly() {
        long id = createEfficiency(M, "Uden ejer", "SKO", 2027, null, 500_000);
        assertProblem(as(Tokens.owner("naestved-owner", M)).body(reportBody(2027, 1, "ESTIMATE"))
                .post(initiative(M, id) + "/reports").then(), 403, "forbidden")
                .body("detail", containsString("none assigned"));
    }

    @Test
    void badReportsGetClearProblems() {
        long id = createEfficiency(M, "Energistyring", "SKO", 2027, null, 300_000, 300_000);
        String path = initiative(M, id) + "/reports";
        assertProblem(as(Tokens.finance(M)).body(reportBody(-2027, 100, "ESTIMATE")).post(path).then(), 400, "validation")
                .body("errors.field", hasItem(containsString("year")));
        Map<String, Object> noEvidence = reportBody(2027, 100, "ESTIMATE");
        noEvidence.remove("evidenceLevel");
        assertProblem(as(Tokens.finance(M)).body(noEvidence).post(path).then(), 400, "validation")
                .body("errors.field", hasItem(containsString("evidenceLevel")));
        assertProblem(as(Tokens.finance(M)).body(reportBody(2027, 100, "GUESSWORK")).post(path).then(), 400, "validation")
                .body("errors.field", hasItem("evidenceLevel"));
        Map<String, Object> noNarrative = reportBody(2027, 100, "ESTIMATE");
        noNarrative.put("narrative", " ");
        assertProblem(as(Tokens.finance(M)).body(noNarrative).post(path).then(), 400, "validation")
                .body("errors.field", hasItem(containsString("narrative")));
        assertProblem(as(Tokens.finance(M)).body(reportBody(2031, 100, "ESTIMATE")).post(path).then(), 422, "business-rule")
                .body("rule", equalTo("unknown-report-slot"))
                .body("detail", containsString("2027, 2028"));
        // 2028 has a slot, but the year has not begun (the clock says January 2027)
        assertProblem(as(Tokens.finance(M)).body(reportBody(2028, 100, "ESTIMATE")).post(path).then(), 422, "business-rule")
                .body("rule", equalTo("period-not-started"));
        assertProblem(as(Tokens.finance(M)).body(reportBody(2027, 100, "ESTIMATE"))
                .post(initiative(M, 999_999_999) + "/reports").then(), 404, "not-found");
    }

    @Test
    void aCorrectionIsANewVersionAndTheHistoryIsKept() {
        long id = createEfficiency(M, "Digital post", "SKO", 2027, null, 800_000);
        String path = initiative(M, id) + "/reports";
        report(M, id, 2027, 400_000, "ESTIMATE");

        assertProblem(as(Tokens.finance(M)).body(reportBody(2027, 780_000, "DOCUMENTED")).post(path).then(), 422,
                "business-rule").body("rule", equalTo("correction-reason-required"));
        Map<String, Object> correction = reportBody(2027, 780_000, "DOCUMENTED");
        correction.put("correctionReason", "Regnskabet er afsluttet");
        correction.put("reportVersion", 1);
        as(Tokens.finance(M)).body(correction).post(path).then().statusCode(201)
                .body("reportVersion", equalTo(2))
                .body("status", equalTo("GREEN"))
                .body("correctionReason", equalTo("Regnskabet er afsluttet"));
        // someone who still thinks version 1 is current
        assertProblem(as(Tokens.finance(M)).body(correction).post(path).then(), 409, "concurrent-modification")
                .body("currentVersion", equalTo(2));

        as(Tokens.politician(M)).queryParam("period", "2027").get(path).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.reportVersion", contains(2, 1))
                .body("items.latest", contains(true, false))
                .body("items.realised", contains(780_000, 400_000));
        as(Tokens.finance(M)).get(initiative(M, id)).then()
                .body("slots[0].reportVersion", equalTo(2))
                .body("slots[0].realised", equalTo(780_000));
        as(Tokens.finance(M)).get(initiative(M, id) + "/history").then()
                .body("items.action", contains("REPORT_CORRECTED", "REPORTED", "REGISTERED"));
    }

    @Test
    void aNegativeRealisationIsRed() {
        long id = createEfficiency(M, "Ny vagtplan", "SKO", 2027, null, 200_000);
        as(Tokens.finance(M)).body(reportBody(2027, -50_000, "DOCUMENTED")).post(initiative(M, id) + "/reports").then()
                .statusCode(201).body("ratio", equalTo(-0.25f)).body("status", equalTo("RED"));
    }
}
