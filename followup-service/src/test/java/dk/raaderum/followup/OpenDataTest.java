package dk.raaderum.followup;

import static dk.raaderum.followup.support.Api.as;
import static dk.raaderum.followup.support.Api.createEfficiency;
import static dk.raaderum.followup.support.Api.initiative;
import static dk.raaderum.followup.support.Api.report;
import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.testing.Csv;
import dk.raaderum.followup.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Open data without login: realised gains of reported initiatives only, and nothing personal. */
@QuarkusTest
class OpenDataTest {

    private static final String ODENSE = "461";
    private static final String ESBJERG = "561";
    private static final String SECRET_OWNER = "odense-hemmelig-ejer";
    private static boolean loaded;

    /*
     * Odense 2027, area ÆLD: P reported 2027 (600,000 of 800,000, PROBABLE) and corrected once;
     *   Q reported 2027 (100,000 of 100,000, DOCUMENTED); R never reported (must not appear).
     * Esbjerg 2027, area MSO: S reported 2027 (50,000 of 200,000, ESTIMATE).
     */
    @BeforeEach
    void data() {
        if (loaded) {
            return;
        }
        loaded = true;
        long p = createEfficiency(ODENSE, "Automatisk medicinhåndtering", "ÆLD", 2027, SECRET_OWNER, 800_000, 800_000);
        long q = createEfficiency(ODENSE, "Vasketøj i egen drift", "ÆLD", 2027, SECRET_OWNER, 100_000);
        createEfficiency(ODENSE, "Aldrig rapporteret", "ÆLD", 2027, SECRET_OWNER, 5_000_000);
        long s = createEfficiency(ESBJERG, "Digital borgerservice", "MSO", 2027, null, 200_000);
        report(ODENSE, p, 2027, 500_000, "ESTIMATE");
        Map<String, Object> correction = new HashMap<>(Map.of("year", 2027, "realised", 600_000,
                "evidenceLevel", "PROBABLE", "narrative", "Jens Jensen på Solhjem har målt tidsforbruget",
                "barriers", "Hemmelig barriere", "correctionReason", "Endelige tal"));
        as(Tokens.owner(SECRET_OWNER, ODENSE)).body(correction).post(initiative(ODENSE, p) + "/reports").then()
                .statusCode(201);
        report(ODENSE, q, 2027, 100_000, "DOCUMENTED");
        report(ESBJERG, s, 2027, 50_000, "ESTIMATE");
    }

    @Test
    void realisedGainsNeedNoLoginAndCountOnlyReportedInitiatives() {
        given().queryParam("municipality", ODENSE).get("/api/v1/open-data/realised-gains").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].municipalityCode", equalTo(ODENSE))
                .body("items[0].municipalityName", equalTo("Odense"))
                .body("items[0].catalogYear", equalTo(2027))
                .body("items[0].areaCode", equalTo("ÆLD"))
                .body("items[0].year", equalTo(2027))
                .body("items[0].initiatives", equalTo(2))
                .body("items[0].expected", equalTo(900_000))
                .body("items[0].realised", equalTo(700_000))
                .body("items[0].realisationRate", equalTo(0.7778f))
                .body("items[0].realisedDocumented", equalTo(100_000))
                .body("items[0].realisedProbable", equalTo(600_000))
                .body("items[0].realisedEstimate", equalTo(0));
        given().get("/api/v1/open-data/initiatives?municipality=" + ODENSE).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.title", contains("Automatisk medicinhåndtering", "Vasketøj i egen drift"))
                .body("items[0].years.year", contains(2027))
                .body("items[0].years[0].realised", equalTo(600_000))
                .body("items[0].years[0].weakestEvidence", equalTo("PROBABLE"))
                .body("items[0].status", equalTo("ACTIVE"));
        given().queryParam("catalogYear", 2027).queryParam("size", 1000).get("/api/v1/open-data/realised-gains").then()
                .statusCode(200).body("items.municipalityCode", hasItems(ODENSE, ESBJERG));
    }

    @Test
    void openDataHoldsNoPersonalData() {
        String json = given().get("/api/v1/open-data/initiatives?size=1000").then().statusCode(200).extract().asString()
                + given().get("/api/v1/open-data/realised-gains?size=1000").then().statusCode(200).extract().asString();
        String csv = new String(given().get("/api/v1/open-data/initiatives.csv").then().statusCode(200).extract()
                .asByteArray(), StandardCharsets.UTF_8)
                + new String(given().get("/api/v1/open-data/realised-gains.csv").then().statusCode(200).extract()
                        .asByteArray(), StandardCharsets.UTF_8);
        for (String text : List.of(json, csv)) {
            assertTrue(text.contains("Automatisk medicinhåndtering"), "the initiative is published");
            for (String personal : List.of(SECRET_OWNER, "Programejer", "Jens Jensen", "Hemmelig", "461-finance",
                    "owner", "reportedBy", "narrative")) {
                assertFalse(text.contains(personal), "open data must not contain '" + personal + "'");
            }
        }
    }

    @Test
    void csvOpensInDanishExcel() {
        byte[] bytes = given().queryParam("municipality", ODENSE).get("/api/v1/open-data/realised-gains.csv").then()
                .statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment")).extract().asByteArray();
        List<List<String>> rows = Csv.parse(bytes);
        assertEquals(List.of("Kommunekode", "Kommune", "Katalogår", "Områdekode", "Område", "År", "Initiativer",
                "Forventet (kr.)", "Realiseret (kr.)", "Realiseringsgrad (%)", "Realiseret, dokumenteret (kr.)",
                "Realiseret, sandsynliggjort (kr.)", "Realiseret, skøn (kr.)", "Prisniveau", "Omregnet fra"),
                rows.get(0));
        // catalog 2027 reported on 2027, at this year's (2027) prices: nothing converted
        assertEquals(List.of(ODENSE, "Odense", "2027", "ÆLD", "Område ÆLD", "2027", "2", "900000", "700000", "77,78",
                "100000", "600000", "0", "2027", ""), rows.get(1));
        assertEquals(2, rows.size());

        List<List<String>> initiatives = Csv.parse(given().queryParam("municipality", ESBJERG)
                .get("/api/v1/open-data/initiatives.csv").then().statusCode(200).extract().asByteArray());
        assertEquals(2, initiatives.size(), "header and the one reported year of Esbjerg's initiative");
        List<String> s = initiatives.get(1);
        assertEquals(List.of(ESBJERG, "Esbjerg", "2027"), s.subList(1, 4));
        assertEquals(List.of("Digital borgerservice", "effektivisering", "MSO"), s.subList(5, 8));
        assertEquals(List.of("aktiv", "2027", "200000", "50000", "25,00", "skøn"), s.subList(9, 15));
    }

    @Test
    void badFiltersAreClearProblems() {
        assertProblem(given().queryParam("municipality", "999").get("/api/v1/open-data/realised-gains").then(), 400,
                "validation").body("errors[0].field", equalTo("municipality"));
        assertProblem(given().queryParam("size", 5000).get("/api/v1/open-data/initiatives").then(), 400, "validation");
        // every endpoint takes the same filters, with the same bounds
        for (String path : List.of("realised-gains", "realised-gains.csv", "initiatives", "initiatives.csv")) {
            assertProblem(given().queryParam("year", 1999).get("/api/v1/open-data/" + path).then(), 400, "validation")
                    .body("errors[0].field", equalTo("year"));
            assertProblem(given().queryParam("priceLevelYear", 2101).get("/api/v1/open-data/" + path).then(), 400,
                    "validation").body("errors[0].field", equalTo("priceLevelYear"));
        }
        given().auth().oauth2(Tokens.finance(ODENSE)).get("/api/v1/open-data/realised-gains").then().statusCode(200)
                .body("items", not(empty()));
    }
}
