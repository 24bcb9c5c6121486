package dk.raaderum.proposal;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.createProposal;
import static dk.raaderum.proposal.support.Api.presented;
import static dk.raaderum.proposal.support.Api.proposal;
import static dk.raaderum.proposal.support.Sheets.edit;
import static dk.raaderum.proposal.support.Sheets.importFile;
import static dk.raaderum.proposal.support.Sheets.rowOf;
import static dk.raaderum.proposal.support.Sheets.withRow;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.text.ControlCharacters;
import dk.raaderum.proposal.support.Sheets;
import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Sheets an import refuses, whole: every bad row and cell is named, and nothing is written. */
@QuarkusTest
class ProposalImportErrorsTest {

    private static final String M = "175";
    private static final int Y = 2061;
    private static final String CSV = "text/csv; charset=UTF-8";
    private static long catalog;
    private static long efficiency;
    private static long expansion;
    /** The export: ÆLD-01 (presented), ÆLD-02 and SKO-01, a subtotal after each area, the total (areas in any order). */
    private static List<List<String>> rows;

    /** Once per class; in @BeforeEach because RestAssured knows the test port only there. */
    @BeforeEach
    void catalog() {
        if (catalog != 0) {
            return;
        }
        catalog = createCatalog(M, Y);
        presented(M, catalog, proposal("ÆLD", "SAVING", "Rengøring hver tredje uge", Y, -100_000, -100_000, -100_000,
                -100_000));
        efficiency = createProposal(M, catalog, proposal("ÆLD", "EFFICIENCY", "Ruteplanlægning", Y, -1_500_000,
                -2_000_000, -2_000_000, -2_000_000));
        expansion = createProposal(M, catalog, proposal("SKO", "EXPANSION", "Lektiecafé", Y, 80_000, 80_000, 80_000,
                80_000));
        rows = Sheets.rows(Sheets.export(M, catalog, "csv"));
    }

    private static ValidatableResponse refused(List<List<String>> sheet, String rule) {
        return assertProblem(importFile(M, catalog, Sheets.csv(sheet), CSV, ""), 422, "business-rule")
                .body("rule", equalTo(rule));
    }

    /** The field of an error about this proposal's row and column, by its row in the sheet. */
    private static String at(List<List<String>> sheet, String number, String column) {
        return "row " + rowOf(sheet, number) + ": " + column;
    }

    private static String title(long id) {
        return as(Users.financeOfficer(M)).get(base(M) + "/proposals/" + id).then().statusCode(200).extract()
                .path("title");
    }

    @Test
    void aWrongHeaderRowNamesTheMissingAndUnknownColumns() {
        List<List<String>> wrong = new ArrayList<>(rows);
        List<String> header = new ArrayList<>(rows.get(1));
        header.set(1, "Title");
        header.remove("Version");
        wrong.set(1, header);
        refused(wrong, "import-header")
                .body("detail", containsString("Row 2 must be the export's header"))
                .body("errors.field", hasItems("Title", "Titel", "Version"))
                .body("errors.find { it.field == 'Title' }.message", containsString("unknown column"))
                .body("errors.find { it.field == 'Titel' }.message", equalTo("missing column"))
                .body("expectedHeaders", hasItem("Version"));
    }

    @Test
    void badCellsAreEachNamedByRowAndColumnAsTheSpreadsheetShowsThem() {
        List<List<String>> bad = edit(edit(edit(edit(edit(rows, "ÆLD-02", "Type", "spareforslag"), "ÆLD-02", "2061",
                "mange"), "ÆLD-02", "2062", "-1500,5"), "ÆLD-02", "Usikkerhed", "måske"), "SKO-01", "2064",
                "-1.500.000,25");
        refused(bad, "import-rows")
                .body("errorCount", equalTo(5)).body("rows", equalTo(3))
                .body("errors.field", hasItems(at(bad, "ÆLD-02", "Type"), at(bad, "ÆLD-02", "2061"),
                        at(bad, "ÆLD-02", "2062"), at(bad, "ÆLD-02", "Usikkerhed"), at(bad, "SKO-01", "2064")))
                .body("errors.find { it.field == '" + at(bad, "ÆLD-02", "2062") + "' }.message",
                        containsString("fraction of a krone"))
                .body("errors.find { it.field == '" + at(bad, "ÆLD-02", "2061") + "' }.message",
                        containsString("not an amount in whole kroner"))
                .body("errors.find { it.field == '" + at(bad, "ÆLD-02", "Type") + "' }.message",
                        containsString("'spareforslag' is not a type"));
    }

    @Test
    void aControlCharacterIsRefusedAsTheJsonApiRefusesItAlsoInADryRun() {
        for (String title : List.of("Digi\u0000tal brev", "Ring\u0007 op", "\u202Etnirp")) {
            List<List<String>> bad = edit(rows, "ÆLD-02", "Titel", title);
            for (String query : List.of("?dryRun=true", "")) {
                assertProblem(importFile(M, catalog, Sheets.csv(bad), CSV, query), 400, "validation")
                        .body("detail", containsString(ControlCharacters.MESSAGE))
                        .body("detail", containsString("column 2"));
            }
        }
        assertEquals("Ruteplanlægning", title(efficiency));
    }

    @Test
    void anAmountBeyondThePlatformBoundIsRefused() {
        refused(edit(rows, "ÆLD-02", "2061", "-1.000.000.000.001"), "import-rows")
                .body("errors[0].field", equalTo(at(rows, "ÆLD-02", "2061")))
                .body("errors[0].message", containsString("beyond the bound"));
    }

    @Test
    void theTypeRulesOfTheSingleProposalApiApplyToEachRow() {
        List<String> investmentRow = new ArrayList<>(List.of("", "Nyt plejecenter", "investering", "Ældreområdet", "", "",
                "", "Administrationen", "høj", "1000000", "-200000", "-200000", "-200000", "", "", "", "Investering", ""));
        List<List<String>> bad = edit(withRow(edit(rows, "ÆLD-02", "2061", "500000"), investmentRow), "SKO-01",
                "Oprindelse", "Parti: ");
        refused(bad, "import-rows")
                .body("errors.field", hasItems("row 3: Type", at(bad, "ÆLD-02", "2061–2064"),
                        at(bad, "SKO-01", "Oprindelse")))
                .body("errors.find { it.field == '" + at(bad, "ÆLD-02", "2061–2064") + "' }.message",
                        containsString("no-net-cost"));
    }

    @Test
    void anUnknownAreaAnUnknownNumberAndAChangedAreaAreRowErrors() {
        List<String> newRow = new ArrayList<>(List.of("", "Havnebad", "budgetudvidelse", "Havne", "", "", "",
                "Borger", "lav", "10000", "10000", "10000", "10000", "", "", "", "Mere service", ""));
        List<List<String>> bad = withRow(edit(edit(rows, "ÆLD-02", "Politikområde", "Skoleområdet"), "SKO-01",
                "Nummer", "SKO-77"), newRow);
        refused(bad, "import-rows")
                .body("errors.find { it.field == 'row 3: Politikområde' }.message", containsString("unknown-area"))
                .body("errors.find { it.field == '" + at(bad, "ÆLD-02", "Politikområde") + "' }.message",
                        containsString("area-fixed"))
                .body("errors.find { it.field == '" + at(bad, "SKO-77", "Nummer") + "' }.message",
                        containsString("no proposal SKO-77"));
    }

    @Test
    void aStaleVersionADuplicateNumberAndAProposalNoLongerEditableAreRowErrors() {
        List<List<String>> bad = new ArrayList<>(edit(edit(edit(rows, "ÆLD-02", "Titel", "Ruteplanlægning 3"),
                "ÆLD-02", "Version", "99"), "ÆLD-01", "Titel", "Rengøring hver fjerde uge"));
        int sko = rowOf(bad, "SKO-01");
        bad.add(sko, bad.get(sko - 1)); // SKO-01 twice, in rows sko and sko + 1
        refused(bad, "import-rows").body("errorCount", equalTo(3))
                .body("errors.find { it.field == 'row " + (sko + 1) + ": Nummer' }.message",
                        containsString("SKO-01 is in row " + sko + " too"))
                .body("errors.find { it.field == '" + at(bad, "ÆLD-01", "Status") + "' }.message",
                        containsString("can no longer be changed"))
                .body("errors.find { it.field == '" + at(bad, "ÆLD-02", "Version") + "' }.message",
                        containsString("stale"));
    }

    @Test
    void aSheetWithValidAndInvalidRowsWritesNothing() {
        List<List<String>> mixed = withRow(edit(edit(rows, "SKO-01", "Titel", "Lektiecafé hver dag"), "ÆLD-02", "2061",
                "1.5"), new ArrayList<>(List.of("", "Ny kladde", "effektivisering", "Skoleområdet", "", "", "",
                        "Administrationen", "lav", "-1", "-1", "-1", "-1", "", "", "", "Samme for mindre", "")));
        refused(mixed, "import-rows").body("errors", hasSize(1))
                .body("detail", containsString("1 error(s) in 1 of 4 row(s); nothing was imported"));
        assertEquals("Lektiecafé", title(expansion));
        assertEquals("Ruteplanlægning", title(efficiency));
        as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + catalog + "/proposals").then().statusCode(200)
                .body("total", equalTo(3));
    }

    /** A new row's title is also its description: an empty Titel is one error, said once. */
    @Test
    void anEmptyTitleIsOneError() {
        refused(withRow(rows, new ArrayList<>(List.of("", "", "effektivisering", "Skoleområdet", "", "", "",
                "Administrationen", "lav", "-1", "-1", "-1", "-1", "", "", "", "Samme for mindre", ""))),
                "import-rows").body("errorCount", equalTo(1))
                .body("errors[0].field", equalTo("row 3: Titel"))
                .body("errors[0].message", equalTo("must not be blank"));
    }

    @Test
    void anEmptyFileAndAFileWithoutAHeaderAre422() {
        assertProblem(importFile(M, catalog, new byte[0], CSV, ""), 422, "business-rule").body("rule",
                equalTo("import-empty"));
        assertProblem(importFile(M, catalog, new byte[0], Sheets.XLSX, ""), 422, "business-rule").body("rule",
                equalTo("import-empty"));
        assertProblem(importFile(M, catalog, "Katalog\r\n".getBytes(StandardCharsets.UTF_8), CSV, ""), 422,
                "business-rule").body("rule", equalTo("import-empty")).body("detail", containsString("Nummer;Titel"));
    }

    @Test
    void aFileThatIsNotAWorkbookIs400AndAnotherContentTypeIs415() {
        assertProblem(importFile(M, catalog, Sheets.csv(rows), Sheets.XLSX, ""), 400, "validation");
        assertProblem(importFile(M, catalog, Sheets.csv(rows), "text/plain", ""), 415, "unsupported-media-type");
        assertProblem(importFile(M, catalog, "[]".getBytes(StandardCharsets.UTF_8), "application/json", ""), 415,
                "unsupported-media-type");
    }

    @Test
    void onlyAFinanceOfficerImports() {
        assertProblem(given().auth().oauth2(Users.politician(M, "Venstre")).contentType(CSV).body(Sheets.csv(rows))
                .post(base(M) + "/catalogs/" + catalog + "/proposals/import").then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(Users.financeOfficer("173")).contentType(CSV).body(Sheets.csv(rows))
                .post(base(M) + "/catalogs/" + catalog + "/proposals/import").then(), 403, "wrong-municipality");
    }

    @Test
    void aFileOverThePlatformLimitIs413BeforeItIsRead() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + base(M) + "/catalogs/" + catalog + "/proposals/import HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Users.financeOfficer(M) + "\r\nContent-Type: text/csv\r\n"
                    + "Content-Length: " + (300L * 1024 * 1024) + "\r\n\r\nNummer;Titel\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readNBytes(400), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("content-too-large"), answer);
        }
    }
}
