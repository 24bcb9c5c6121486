package dk.raaderum.target;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.testing.TestTokens;
import dk.raaderum.target.Fixture.Place;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Base budgets: JSON and CSV import, all rows or none, replacement with optimistic locking, roles and tenancy. */
@QuarkusTest
class BudgetImportTest {

    @Test
    void jsonImportCreatesTheBudgetWithTotalsAndAnEtag() {
        Place place = Fixture.fresh();
        place.asFinance().body(Fixture.budget(place, Map.of("ÆLD", 600_000_000L, "ADM", 300_000_000L)))
                .put(place.base() + "/budgets/" + place.budgetYear())
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("budgetYear", equalTo(place.budgetYear()))
                .body("years", equalTo(place.years()))
                .body("areas", hasSize(2))
                .body("totals[0].amount", equalTo(900_000_000))
                .body("source", equalTo("JSON"));
        given().auth().oauth2(place.politician()).get(place.base() + "/budgets/" + place.budgetYear())
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("areas.code", hasItem("ÆLD"));
    }

    @Test
    void csvImportReadsDanishExcelAndExportsTheSameLayout() {
        Place place = Fixture.fresh();
        int y = place.budgetYear();
        String csv = "\uFEFFkode;navn;hovedkonto;udvalg;" + y + ";" + (y + 1) + ";" + (y + 2) + ";" + (y + 3) + "\r\n"
                + "ÆLD;Ældreområdet;5;Social- og Sundhedsudvalget;612.000.000;620.000.000;630.000.000;640.000.000\r\n"
                + "DAG;\"Dagtilbud; 0-5 år\";5;Børne- og Skoleudvalget;265000000;264000000;263000000;262000000\r\n"
                + "\r\n";
        given().auth().oauth2(place.finance()).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .put(place.base() + "/budgets/" + y + "?priceLevelYear=" + (y - 1))
                .then().statusCode(201)
                .body("priceLevelYear", equalTo(y - 1))
                .body("source", equalTo("CSV"))
                .body("areas[0].amounts[3].amount", equalTo(640_000_000))
                .body("areas[1].name", equalTo("Dagtilbud; 0-5 år"));

        byte[] export = given().auth().oauth2(place.finance()).accept("text/csv")
                .get(place.base() + "/budgets/" + y)
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asByteArray();
        assertEquals((byte) 0xEF, export[0], "UTF-8 byte-order mark for Excel");
        String text = new String(export, 3, export.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("kode;navn;hovedkonto;udvalg;" + y + ";"), text);
        assertTrue(text.contains("\"Dagtilbud; 0-5 år\""), text);

        // The export imports again unchanged (200: a replacement).
        given().auth().oauth2(place.finance()).contentType("text/csv").body(export)
                .header("If-Match", "\"0\"")
                .put(place.base() + "/budgets/" + y)
                .then().statusCode(200).body("areas[0].amounts[0].amount", equalTo(612_000_000));
    }

    @Test
    void aNameThatLooksLikeAFormulaIsExportedNeutralisedAndImportsBackWithoutTheQuote() {
        Place place = Fixture.fresh();
        int y = place.budgetYear();
        List<Map<String, Object>> areas = List.of(
                area(place, "ÆLD", "=Ældre", "+Social- og Sundhedsudvalget"),
                area(place, "ADM", "-Administration", "@Økonomiudvalget"));
        place.asFinance().body(Map.of("priceLevelYear", y, "areas", areas)).put(place.base() + "/budgets/" + y)
                .then().statusCode(201);

        byte[] export = given().auth().oauth2(place.finance()).accept("text/csv")
                .get(place.base() + "/budgets/" + y)
                .then().statusCode(200).extract().asByteArray();
        String text = new String(export, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"'=Ældre\"") && text.contains("\"'-Administration\""), text);

        given().auth().oauth2(place.finance()).contentType("text/csv").body(export)
                .header("If-Match", "\"0\"")
                .put(place.base() + "/budgets/" + y)
                .then().statusCode(200)
                .body("areas.name", containsInAnyOrder("=Ældre", "-Administration"))
                .body("areas.committee", containsInAnyOrder("+Social- og Sundhedsudvalget", "@Økonomiudvalget"));
    }

    private static Map<String, Object> area(Place place, String code, String name, String committee) {
        return Map.of("code", code, "name", name, "mainAccount", 6, "committee", committee,
                "amounts", place.years().stream().map(y -> Map.of("year", y, "amount", 1_000_000L)).toList());
    }

    @Test
    void aCommaSeparatedFileWithSpacesBeforeQuotesIsReadAndAnUnclosedQuoteNamesItsLine() {
        Place place = Fixture.fresh();
        int y = place.budgetYear();
        String header = "kode, navn, hovedkonto, udvalg, " + y + ", " + (y + 1) + ", " + (y + 2) + ", " + (y + 3) + "\n";
        given().auth().oauth2(place.finance()).contentType("text/csv")
                .body(header + "DAG, \"Dagtilbud, 0-5 år\", 5, Børneudvalget, 1.000, 2000, \"3.000\", \"4000,00\"\n")
                .put(place.base() + "/budgets/" + y)
                .then().statusCode(201)
                .body("areas[0].name", equalTo("Dagtilbud, 0-5 år"))
                .body("areas[0].amounts.amount", equalTo(List.of(1000, 2000, 3000, 4000)));
        assertProblem(given().auth().oauth2(place.finance()).contentType("text/csv").header("If-Match", "\"0\"")
                .body(header + "ADM,Adm,6,ØU,1,2,3,4\n\nDAG,\"Dagtilbud,5,BU,1,2,3,4\n")
                .put(place.base() + "/budgets/" + y).then(), 422, "business-rule")
                .body("rule", equalTo("csv-format"))
                .body("errors[0].field", equalTo("line 4"));
    }

    @Test
    void aPlainExcelCsvInWindows1252KeepsTheDanishLetters() {
        Place place = Fixture.fresh();
        int y = place.budgetYear();
        String csv = "kode;navn;hovedkonto;udvalg;" + y + ";" + (y + 1) + ";" + (y + 2) + ";" + (y + 3) + "\r\n"
                + "ÆLD;Ældreområdet;5;Social- og Sundhedsudvalget;1;2;3;4\r\n";
        given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(place.finance()).contentType("text/csv")
                .body(csv.getBytes(Charset.forName("windows-1252")))
                .put(place.base() + "/budgets/" + y)
                .then().statusCode(201)
                .body("areas[0].code", equalTo("ÆLD"))
                .body("areas[0].name", equalTo("Ældreområdet"));
    }

    @Test
    void badRowsRejectTheWholeImportAndNameEveryRow() {
        Place place = Fixture.fresh();
        Fixture.importBudget(place, Map.of("ADM", 100_000_000L));
        int y = place.budgetYear();
        String csv = "kode;navn;hovedkonto;udvalg;" + y + ";" + (y + 1) + ";" + (y + 2) + ";" + (y + 3) + "\n"
                + "ÆLD;Ældreområdet;5;Social- og Sundhedsudvalget;1;2;3;4\n"
                + "ÆLD;Igen;5;Social- og Sundhedsudvalget;1;2;3;4\n"
                + "SKO;Skole;9;Børne- og Skoleudvalget;1;2;3;4\n"
                + "kul;Kultur;3;Kultur- og Fritidsudvalget;1;to;3;4\n"
                + "TEK;Teknik;2;;1;2;3;-4\n";
        assertProblem(given().auth().oauth2(place.finance()).contentType("text/csv").body(csv)
                .put(place.base() + "/budgets/" + y).then(), 422, "business-rule")
                .body("rule", equalTo("budget-rows"))
                .body("detail", containsString("nothing was imported"))
                .body("errors.field", hasItem("line 3.code"))
                .body("errors.field", hasItem("line 4.mainAccount"))
                .body("errors.field", hasItem("line 5.code"))
                .body("errors.field", hasItem("line 5." + (y + 1)))
                .body("errors.field", hasItem("line 6.committee"))
                .body("errors.message", hasItem(containsString("row 3 (ÆLD): area ÆLD is already in row 2")));
        // Nothing half-imported: the earlier budget is untouched.
        given().auth().oauth2(place.finance()).get(place.base() + "/budgets/" + y)
                .then().statusCode(200).body("areas", hasSize(1)).body("areas[0].code", equalTo("ADM"))
                .header("ETag", "\"0\"");
    }

    @Test
    void jsonRowsAreCheckedWithTheirRowNumbers() {
        Place place = Fixture.fresh();
        Map<String, Object> bad = Map.of("areas", List.of(
                Map.of("code", "ÆLD", "name", "Ældre", "mainAccount", 5, "committee", "SSU",
                        "amounts", List.of(Map.of("year", place.budgetYear(), "amount", 1))),
                Map.of("code", "ADM", "name", "Adm", "mainAccount", 7, "committee", "ØU",
                        "amounts", place.years().stream().map(y -> Map.of("year", y, "amount", 1)).toList())));
        assertProblem(place.asFinance().body(bad).put(place.base() + "/budgets/" + place.budgetYear()).then(), 422,
                "business-rule")
                .body("rule", equalTo("budget-rows"))
                .body("errors.field", hasItem("areas[0].amounts"))
                .body("errors.field", hasItem("areas[1].mainAccount"))
                .body("errors.message", hasItem(containsString("row 2 (ADM): the main account must be 0–6")));
        given().auth().oauth2(place.finance()).get(place.base() + "/budgets/" + place.budgetYear()).then().statusCode(404);
    }

    @Test
    void aCsvWithTheWrongHeaderOrYearsIsRefused() {
        Place place = Fixture.fresh();
        assertProblem(given().auth().oauth2(place.finance()).contentType("text/csv")
                .body("kode;navn;hovedkonto;udvalg;2001;2002;2003;2004\nADM;Adm;6;ØU;1;2;3;4\n")
                .put(place.base() + "/budgets/" + place.budgetYear()).then(), 422, "business-rule")
                .body("rule", equalTo("csv-header"));
        assertProblem(given().auth().oauth2(place.finance()).contentType("text/csv").body("")
                .put(place.base() + "/budgets/" + place.budgetYear()).then(), 422, "business-rule")
                .body("rule", equalTo("csv-empty"));
        int y = place.budgetYear();
        assertProblem(given().auth().oauth2(place.finance()).contentType("text/csv")
                .body("kode;navn;hovedkonto;udvalg;" + y + ";" + y + ";" + (y + 1) + ";" + (y + 2) + ";" + (y + 3)
                        + "\nADM;Adm;6;ØU;1;2;3;4;5\n")
                .put(place.base() + "/budgets/" + y).then(), 422, "business-rule")
                .body("rule", equalTo("csv-header"))
                .body("detail", containsString("'" + y + "' twice"));
    }

    @Test
    void replacingNeedsTheCurrentVersion() {
        Place place = Fixture.fresh();
        Fixture.importBudget(place, Map.of("ADM", 100_000_000L));
        Map<String, Object> next = Fixture.budget(place, Map.of("ADM", 120_000_000L));
        place.asFinance().header("If-Match", "\"0\"").body(next).put(place.base() + "/budgets/" + place.budgetYear())
                .then().statusCode(200).header("ETag", "\"1\"");
        assertProblem(place.asFinance().header("If-Match", "\"0\"").body(next)
                .put(place.base() + "/budgets/" + place.budgetYear()).then(), 412, "precondition-failed")
                .body("currentVersion", equalTo(1));
        Map<String, Object> stale = new LinkedHashMap<>(next);
        stale.put("version", 0);
        assertProblem(place.asFinance().body(stale).put(place.base() + "/budgets/" + place.budgetYear()).then(), 409,
                "concurrent-modification");
    }

    @Test
    void machineClientsImportPoliticiansOnlyRead() {
        Place place = Fixture.fresh();
        given().auth().oauth2(place.system()).contentType(ContentType.JSON)
                .body(Fixture.budget(place, Map.of("ADM", 1_000L)))
                .put(place.base() + "/budgets/" + place.budgetYear())
                .then().statusCode(201);
        assertProblem(given().auth().oauth2(place.politician()).contentType(ContentType.JSON)
                .body(Fixture.budget(place, Map.of("ADM", 1_000L)))
                .put(place.base() + "/budgets/" + place.budgetYear()).then(), 403, "forbidden");
        given().auth().oauth2(place.programOwner()).get(place.base() + "/budgets").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].budgetYear", equalTo(place.budgetYear()));
        given().auth().oauth2(place.system()).accept("text/csv").get(place.base() + "/budgets").then().statusCode(200)
                .body(containsString("budgetår;prisniveau;områder;år;driftsbudget"))
                .body(containsString(place.budgetYear() + ";" + place.budgetYear() + ";1;" + (place.budgetYear() + 3)
                        + ";1000;JSON;"));
    }

    @Test
    void anotherMunicipalityAndAnonymousCallersAreKeptOut() {
        Place place = Fixture.fresh();
        Fixture.importBudget(place, Map.of("ADM", 1_000L));
        String other = place.municipality().equals("101") ? "147" : "101";
        String stranger = TestTokens.user("stranger").roles("finance-officer").municipality(other).token();
        assertProblem(given().auth().oauth2(stranger).get(place.base() + "/budgets/" + place.budgetYear()).then(), 403,
                "wrong-municipality");
        assertProblem(given().get(place.base() + "/budgets/" + place.budgetYear()).then(), 401, "unauthenticated");
        String kl = TestTokens.user("kl").roles("kl-curator").token();
        assertProblem(given().auth().oauth2(kl).get(place.base() + "/budgets").then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(place.finance()).get("/api/v1/municipalities/999/budgets").then(), 404,
                "unknown-municipality");
    }

    @Test
    void aMalformedBodyIsA400() {
        Place place = Fixture.fresh();
        assertProblem(place.asFinance().body("this is not JSON").put(place.base() + "/budgets/" + place.budgetYear())
                .then(), 400, "malformed-request");
        assertProblem(place.asFinance().body(Map.of("areas", List.of(), "priceLevelYear", 1900))
                .put(place.base() + "/budgets/" + place.budgetYear()).then(), 400, "validation")
                .body("errors.field", hasItem(containsString("priceLevelYear")));
    }

    @Test
    void amountsBeyondTheBoundAreRefusedInsteadOfSummedWrong() {
        Place place = Fixture.fresh();
        Map<String, Long> huge = new LinkedHashMap<>();
        huge.put("ÆLD", Long.MAX_VALUE);
        huge.put("SKO", Long.MAX_VALUE);
        assertProblem(place.asFinance().body(Fixture.budget(place, huge)).put(place.base() + "/budgets/" + place.budgetYear())
                .then(), 422, "business-rule").body("rule", equalTo("budget-rows"))
                .body("errors.field", hasItem(containsString("amount")));
        huge.put("ÆLD", 1_000_000_000_000L);
        huge.put("SKO", 1_000_000_000_000L);
        place.asFinance().body(Fixture.budget(place, huge)).put(place.base() + "/budgets/" + place.budgetYear()).then()
                .statusCode(201).body("totals[0].amount", equalTo(2_000_000_000_000L));
    }
}
