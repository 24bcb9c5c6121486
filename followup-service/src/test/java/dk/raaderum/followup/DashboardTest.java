package dk.raaderum.followup;

import static dk.raaderum.followup.support.Api.area;
import static dk.raaderum.followup.support.Api.as;
import static dk.raaderum.followup.support.Api.awaitSlotStatus;
import static dk.raaderum.followup.support.Api.base;
import static dk.raaderum.followup.support.Api.create;
import static dk.raaderum.followup.support.Api.createEfficiency;
import static dk.raaderum.followup.support.Api.decide;
import static dk.raaderum.followup.support.Api.governed;
import static dk.raaderum.followup.support.Api.initiativeBody;
import static dk.raaderum.followup.support.Api.report;
import static dk.raaderum.followup.support.Api.years;
import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.raaderum.platform.testing.Csv;
import dk.raaderum.followup.support.TestClock;
import dk.raaderum.followup.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dashboard's sums against hand-computed figures, its CSV, and KL's overview across municipalities. */
@QuarkusTest
class DashboardTest {

    private static final String M = "851";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /*
     * 2027, thresholds green ≥ 90 %, amber ≥ 60 %:
     *   A ÆLD EFFICIENCY cat. 2027  1,000,000  realised 950,000 DOCUMENTED  GREEN  at risk  50,000
     *   B ÆLD SAVING     cat. 2027    500,000  realised 350,000 ESTIMATE    AMBER  at risk 150,000
     *   C SKO EFFICIENCY cat. 2027    800,000  realised 200,000 PROBABLE    RED    at risk 600,000
     *   D SKO SAVING     cat. 2027    300,000  no report, overdue                  at risk 300,000
     *   E SKO EFFICIENCY cat. 2027    400,000  terminated (slot closed)            at risk 400,000
     *   F ÆLD EFFICIENCY cat. 2026    100,000  realised 100,000 DOCUMENTED  GREEN  at risk       0
     *   total adopted 3,100,000; reported: expected 2,400,000, realised 1,600,000 (66.67 %); at risk 1,500,000
     * at 2027 prices (the default level: the year followed up), with KL's default index: F's 100,000 at its catalog's
     * 2026 prices is 100,000 × 126.9924 / 124.2587 = 102,200, so adopted 3,102,200, reported expected 2,402,200,
     * 66.61 %, and 2,200 of F is at risk (1,502,200); the reports are at 2027 prices already
     */
    @Test
    void dashboardSumsByAreaTypeAndCatalogYear() {
        long a = createEfficiency(M, "A", "ÆLD", 2027, null, 1_000_000, 1_000_000);
        long b = create(M, initiativeBody("SAVING", "B", "ÆLD", 2027, null, 500_000));
        long c = createEfficiency(M, "C", "SKO", 2027, null, 800_000);
        long d = create(M, initiativeBody("SAVING", "D", "SKO", 2027, null, 300_000));
        long e = createEfficiency(M, "E", "SKO", 2027, null, 400_000, 400_000);
        long f = createEfficiency(M, "F", "ÆLD", 2026, null, 100_000, 100_000);
        report(M, a, 2027, 950_000, "DOCUMENTED");
        report(M, b, 2027, 350_000, "ESTIMATE");
        report(M, c, 2027, 200_000, "PROBABLE");
        report(M, f, 2027, 100_000, "DOCUMENTED");
        decide(M, e, governed(Map.of("decision", "TERMINATE", "reason", "Opgivet")));
        clock.setDay(LocalDate.of(2028, 4, 5));
        awaitSlotStatus(M, d, "2027", "OVERDUE");

        as(Tokens.finance(M)).queryParam("year", 2027).get(base(M) + "/followup/dashboard").then().statusCode(200)
                .body("municipality", equalTo(M))
                .body("year", equalTo(2027))
                .body("thresholds.greenPercent", equalTo(90))
                .body("totals.initiatives", equalTo(6))
                .body("priceLevel.year", equalTo(2027))
                .body("priceLevel.convertedFrom", contains(2026))
                .body("totals.adoptedGains", equalTo(3_102_200))
                .body("totals.investmentCosts", equalTo(0))
                .body("totals.adoptedNet", equalTo(3_102_200))
                .body("totals.expected", equalTo(3_102_200))
                .body("totals.expectedReported", equalTo(2_402_200))
                .body("totals.realised", equalTo(1_600_000))
                .body("totals.realisationRate", equalTo(0.6661f))
                .body("totals.gainsAtRisk", equalTo(1_502_200))
                .body("totals.green", equalTo(2))
                .body("totals.amber", equalTo(1))
                .body("totals.red", equalTo(1))
                .body("totals.overdue", equalTo(1))
                .body("totals.pending", equalTo(0))
                .body("totals.noReportDue", equalTo(1))
                .body("totals.reportedReports", equalTo(4))
                .body("totals.overdueReports", equalTo(1))
                .body("totals.reportingRate", equalTo(0.8f))
                .body("byArea.key", contains("SKO", "ÆLD"))
                .body("byArea.find { it.key == 'ÆLD' }.adoptedNet", equalTo(1_602_200))
                .body("byArea.find { it.key == 'ÆLD' }.realised", equalTo(1_400_000))
                .body("byArea.find { it.key == 'ÆLD' }.gainsAtRisk", equalTo(202_200))
                .body("byArea.find { it.key == 'SKO' }.gainsAtRisk", equalTo(1_300_000))
                .body("byArea.find { it.key == 'SKO' }.label", equalTo("Område SKO"))
                .body("byType.key", contains("EFFICIENCY", "SAVING"))
                .body("byType.find { it.key == 'SAVING' }.adoptedGains", equalTo(800_000))
                .body("byType.find { it.key == 'SAVING' }.label", equalTo("besparelse"))
                .body("byType.find { it.key == 'EFFICIENCY' }.realised", equalTo(1_250_000))
                .body("byCatalogYear.key", contains("2026", "2027"))
                .body("byCatalogYear.find { it.key == '2026' }.realised", equalTo(100_000))
                .body("byCatalogYear.find { it.key == '2027' }.initiatives", equalTo(5))
                .body("underperformers.initiativeId", contains((int) c, (int) b))
                .body("underperformers[0].shortfall", equalTo(600_000))
                .body("underperformers[0].status", equalTo("RED"))
                .body("underperformers[1].status", equalTo("AMBER"));

        as(Tokens.politician(M)).queryParam("year", 2028).get(base(M) + "/followup/dashboard").then().statusCode(200)
                .body("totals.initiatives", equalTo(2))
                .body("totals.pending", equalTo(1))
                .body("totals.noReportDue", equalTo(1))
                // E's 400,000 at risk, from its catalog's 2027 prices to 2028's: × 129.7862 / 126.9924 = 408,800
                .body("totals.gainsAtRisk", equalTo(408_800))
                .body("totals.realisationRate", nullValue());

        byte[] bytes = as(Tokens.finance(M)).queryParam("year", 2027).get(base(M) + "/followup/dashboard.csv").then()
                .statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=\"opfoelgning-851-2027.csv\""))
                .extract().asByteArray();
        List<List<String>> rows = Csv.parse(bytes);
        assertEquals(List.of("Kommunekode", "År", "Dimension", "Nøgle", "Betegnelse", "Initiativer",
                "Vedtagne gevinster (kr.)", "Investeringsudgifter (kr.)", "Vedtaget netto (kr.)", "Forventet netto (kr.)", "Forventet, rapporteret (kr.)", "Realiseret (kr.)", "Realiseringsgrad (%)",
                "Gevinster i risiko (kr.)", "Grønne", "Gule", "Røde", "Rapport overskredet", "Afventer rapport",
                "Intet at rapportere", "Rapporter afleveret", "Rapporter overskredet", "Rapporteringsgrad (%)", "Prisniveau",
                "Omregnet fra"), rows.get(0));
        assertEquals(List.of("851", "2027", "I alt", "TOTAL", "I alt", "6", "3102200", "0", "3102200", "3102200", "2402200",
                "1600000", "66,61", "1502200", "2", "1", "1", "1", "0", "1", "4", "1", "80,00", "2027", "2026"), rows.get(1));
        assertEquals("1300000", Csv.row(rows, "851", "2027", "Område", "SKO").get(13));
        assertEquals(1 + 1 + 2 + 2 + 2, rows.size(), "header, total, 2 areas, 2 types, 2 catalog years");
    }

    /*
     * 2027 in Gladsaxe (159): an INVESTMENT that costs 900,000 and gains 300,000 in its first year (net cost 600,000),
     * then gains 800,000 a year; and an EFFICIENCY of 500,000. The budget counted on gains of 800,000 and an investment
     * cost of 900,000: net −100,000 (the old single "adopted" figure, which showed only that).
     */
    @Test
    void theDashboardSeparatesGainsFromInvestmentCostsAndNet() {
        String m = "159";
        Map<String, Object> investment = new LinkedHashMap<>(Map.of("title", "Velfærdsteknologi i hjemmeplejen",
                "type", "INVESTMENT", "catalogYear", 2027, "area", area("ÆLD")));
        investment.put("investmentCost", years(2027, 900_000));
        investment.put("gains", years(2027, 300_000, 800_000));
        create(m, investment);
        createEfficiency(m, "Digital post", "ADM", 2027, null, 500_000, 500_000);

        as(Tokens.finance(m)).queryParam("year", 2027).get(base(m) + "/followup/dashboard").then().statusCode(200)
                .body("totals.adoptedGains", equalTo(800_000))
                .body("totals.investmentCosts", equalTo(900_000))
                .body("totals.adoptedNet", equalTo(-100_000))
                .body("totals.expected", equalTo(-100_000))
                .body("byType.find { it.key == 'INVESTMENT' }.adoptedGains", equalTo(300_000))
                .body("byType.find { it.key == 'INVESTMENT' }.investmentCosts", equalTo(900_000))
                .body("byType.find { it.key == 'INVESTMENT' }.adoptedNet", equalTo(-600_000))
                .body("byType.find { it.key == 'EFFICIENCY' }.adoptedGains", equalTo(500_000))
                .body("byType.find { it.key == 'EFFICIENCY' }.investmentCosts", equalTo(0));
        // at the catalog's 2027 prices (the default level of 2028 is 2028's prices: 1,328,600)
        as(Tokens.finance(m)).queryParam("year", 2028).queryParam("priceLevelYear", 2027)
                .get(base(m) + "/followup/dashboard").then().statusCode(200)
                .body("totals.adoptedGains", equalTo(1_300_000))
                .body("totals.investmentCosts", equalTo(0))
                .body("totals.adoptedNet", equalTo(1_300_000));

        List<List<String>> rows = Csv.parse(as(Tokens.finance(m)).queryParam("year", 2027)
                .get(base(m) + "/followup/dashboard.csv").then().statusCode(200).extract().asByteArray());
        assertEquals(List.of("Vedtagne gevinster (kr.)", "Investeringsudgifter (kr.)", "Vedtaget netto (kr.)"),
                rows.get(0).subList(6, 9));
        assertEquals(List.of("800000", "900000", "-100000"), Csv.row(rows, m, "2027", "I alt", "TOTAL").subList(6, 9));
        assertEquals(List.of("300000", "900000", "-600000"), Csv.row(rows, m, "2027", "Type", "INVESTMENT").subList(6, 9));
    }

    @Test
    void klCuratorsReadEveryMunicipalityOthersOnlyTheirOwn() {
        String m = "860";
        long id = createEfficiency(m, "Hjørring-initiativ", "ÆLD", 2027, null, 400_000);
        report(m, id, 2027, 300_000, "PROBABLE");

        as(Tokens.klCurator()).queryParam("year", 2027).get(base(m) + "/followup/dashboard").then().statusCode(200)
                .body("totals.realised", equalTo(300_000));
        as(Tokens.klCurator()).queryParam("year", 2027).get(base(m) + "/followup/dashboard.csv").then().statusCode(200);
        assertProblem(as(Tokens.finance("851")).queryParam("year", 2027).get(base(m) + "/followup/dashboard").then(), 403,
                "wrong-municipality");
        assertProblem(as(Tokens.finance(m)).get(base(m) + "/followup/dashboard").then(), 400, "validation");
        assertProblem(given().queryParam("year", 2027).get(base(m) + "/followup/dashboard").then(), 401, "unauthenticated");

        as(Tokens.klCurator()).queryParam("year", 2027).get("/api/v1/kl/followup/overview").then().statusCode(200)
                .body("year", equalTo(2027))
                .body("national.initiatives", greaterThanOrEqualTo(1))
                .body("municipalities.find { it.key == '860' }.label", equalTo("Hjørring"))
                .body("municipalities.find { it.key == '860' }.expectedReported", equalTo(400_000))
                .body("municipalities.find { it.key == '860' }.realised", equalTo(300_000))
                .body("municipalities.find { it.key == '860' }.amber", equalTo(1))
                .body("byMainAccount.key", hasItem("5"))
                .body("byType.key", hasItem("EFFICIENCY"));
        List<List<String>> rows = Csv.parse(as(Tokens.klCurator()).queryParam("year", 2027)
                .get("/api/v1/kl/followup/overview.csv").then().statusCode(200).extract().asByteArray());
        assertEquals(List.of("År", "Kommunekode", "Kommune"), rows.get(0).subList(0, 3));
        assertEquals("300000", Csv.row(rows, "2027", "860", "Hjørring").get(9));
        assertEquals("DK", rows.get(rows.size() - 1).get(1));
        assertProblem(as(Tokens.finance(m)).queryParam("year", 2027).get("/api/v1/kl/followup/overview").then(), 403,
                "forbidden");
        assertProblem(given().queryParam("year", 2027).get("/api/v1/kl/followup/overview").then(), 401, "unauthenticated");
    }
}
