package dk.raaderum.proposal;

import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.createProposal;
import static dk.raaderum.proposal.support.Api.investment;
import static dk.raaderum.proposal.support.Api.presented;
import static dk.raaderum.proposal.support.Api.proposal;
import static dk.raaderum.proposal.support.Sheets.edit;
import static dk.raaderum.proposal.support.Sheets.importFile;
import static dk.raaderum.proposal.support.Sheets.withRow;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.proposal.support.Sheets;
import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * The Excel round trip: a catalog exported (CSV, XLSX), opened and saved the way Excel does, edited and imported back
 * through the same create and update as the single-proposal API.
 */
@QuarkusTest
class ProposalImportTest {

    private static final String M = "173";
    private static final String CSV = "text/csv; charset=UTF-8";

    /** ÆLD-01 SAVING (presented), ÆLD-02 EFFICIENCY, SKO-01 EXPANSION, TEK-01 INVESTMENT. */
    private record Seeded(long catalog, long saving, long efficiency, long expansion, long investment) {
    }

    private static Seeded seed(int year) {
        long catalog = createCatalog(M, year, 0); // no karensperiode: every test presents the same saving
        long saving = presented(M, catalog, proposal("ÆLD", "SAVING", "Rengøring hver tredje uge", year, -100_000,
                -100_000, -100_000, -100_000));
        long efficiency = createProposal(M, catalog, proposal("ÆLD", "EFFICIENCY", "Ruteplanlægning", year, -1_500_000,
                -2_000_000, -2_000_000, -2_000_000));
        long expansion = createProposal(M, catalog, proposal("SKO", "EXPANSION", "Lektiecafé; to dage", year, 80_000,
                80_000, 80_000, 80_000));
        long investment = createProposal(M, catalog, investment("TEK", "LED-gadelys", year,
                new long[] { 400_000, 0, 0, 0 }, new long[] { 0, 150_000, 150_000, 150_000 }));
        return new Seeded(catalog, saving, efficiency, expansion, investment);
    }

    private static JsonPath proposalJson(long id) {
        return as(Users.financeOfficer(M)).get(base(M) + "/proposals/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> newRow(String title) {
        return new ArrayList<>(List.of("", title, "besparelse", "Ældreområdet", "", "", "", "Parti: Venstre", "lav",
                "-500000", "-500000", "-500000", "-500000", "", "", "Længere ventetid på afløsning",
                "Færre timer, lavere service", ""));
    }

    @Test
    void anExportedCsvImportedUnchangedChangesNothingAnEditedCellUpdatesThatProposalAndANewRowCreates() {
        Seeded s = seed(2051);
        byte[] exported = Sheets.export(M, s.catalog(), "csv");
        importFile(M, s.catalog(), exported, CSV, "").statusCode(200)
                .body("rows", equalTo(4)).body("created", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(4)).body("dryRun", equalTo(false))
                .body("results.number", containsInAnyOrder("SKO-01", "TEK-01", "ÆLD-01", "ÆLD-02"))
                .body("results.id", containsInAnyOrder((int) s.expansion(), (int) s.investment(), (int) s.saving(),
                        (int) s.efficiency()))
                .body("results.find { it.number == 'ÆLD-02' }.row", equalTo(Sheets.rowOf(Sheets.rows(exported),
                        "ÆLD-02")))
                .body("results.find { it.number == 'TEK-01' }.row", equalTo(Sheets.rowOf(Sheets.rows(exported),
                        "TEK-01")));
        long versionBefore = proposalJson(s.efficiency()).getLong("version");
        long expansionVersion = proposalJson(s.expansion()).getLong("version");

        List<List<String>> rows = Sheets.rows(exported);
        List<List<String>> edited = edit(edit(rows, "ÆLD-02", "Titel", "Ruteplanlægning med GPS"), "ÆLD-02", "2051",
                "-1600000");
        importFile(M, s.catalog(), Sheets.csv(edited), CSV, "").statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(1)).body("unchanged", equalTo(3))
                .body("results.find { it.number == 'ÆLD-02' }.action", equalTo("UPDATED"))
                .body("results.find { it.number == 'ÆLD-02' }.id", equalTo((int) s.efficiency()))
                .body("results.find { it.number == 'SKO-01' }.action", equalTo("UNCHANGED"));
        JsonPath changed = proposalJson(s.efficiency());
        assertEquals("Ruteplanlægning med GPS", changed.getString("title"));
        assertEquals(List.of(-1_600_000, -2_000_000, -2_000_000, -2_000_000), changed.getList("years.netChange"));
        assertEquals("Ruteplanlægning.", changed.getString("description"), "what the sheet does not show is kept");
        assertTrue(changed.getLong("version") > versionBefore);
        assertEquals(expansionVersion, proposalJson(s.expansion()).getLong("version"), "an unchanged row is not written");

        List<List<String>> fresh = Sheets.rows(Sheets.export(M, s.catalog(), "csv"));
        importFile(M, s.catalog(), Sheets.csv(withRow(fresh, newRow("Færre vikarer"))), CSV, "").statusCode(200)
                .body("rows", equalTo(5)).body("created", equalTo(1)).body("updated", equalTo(0))
                .body("unchanged", equalTo(4))
                .body("results[0].row", equalTo(3)).body("results[0].action", equalTo("CREATED"))
                .body("results[0].number", equalTo("ÆLD-03"));
        as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + s.catalog() + "/proposals?q=Færre vikarer").then()
                .statusCode(200).body("items.number", contains("ÆLD-03")).body("items.status", contains("DRAFT"))
                .body("items.origin", contains("POLITICAL_PARTY")).body("items.party", contains("Venstre"))
                .body("items.netTotal", contains(-2_000_000));
    }

    @Test
    void aCsvSavedByDanishExcelWithThousandsDotsPaddedRowsAndANoteBelowTheTotalIsReadBack() {
        Seeded s = seed(2052);
        List<List<String>> rows = new ArrayList<>(Sheets.rows(Sheets.export(M, s.catalog(), "csv")));
        int totalAt = rows.indexOf(rows.stream().filter(r -> "I alt".equals(r.get(0))).findFirst().orElseThrow());
        List<String> total = new ArrayList<>(rows.get(totalAt));
        total.set(1, total.get(0));
        total.set(0, "");
        rows.set(totalAt, total); // the total's label in the title column instead
        rows.add(List.of("", "Negative beløb er råderum (mindre udgift); positive beløb bruger råderum", "besparelse"));
        byte[] excel = Sheets.excelCsv(rows);
        assertTrue(new String(excel, java.nio.charset.StandardCharsets.UTF_8).contains(";-1.500.000;-2.000.000;"));
        importFile(M, s.catalog(), excel, "text/csv", "").statusCode(200)
                .body("rows", equalTo(4)).body("created", equalTo(0)).body("updated", equalTo(0));

        importFile(M, s.catalog(), Sheets.excelCsv(edit(rows, "ÆLD-02", "2053", "-2100000")), "text/csv", "")
                .statusCode(200).body("updated", equalTo(1)).body("unchanged", equalTo(3));
        assertEquals(List.of(-1_500_000, -2_100_000, -2_000_000, -2_000_000),
                proposalJson(s.efficiency()).getList("years.netChange"));
    }

    @Test
    void anExportedXlsxAndAWorkbookWrittenTheWayExcelWritesItImportBack() {
        Seeded s = seed(2053);
        importFile(M, s.catalog(), Sheets.export(M, s.catalog(), "xlsx"), Sheets.XLSX, "").statusCode(200)
                .body("rows", equalTo(4)).body("created", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(4)).body("results.number", containsInAnyOrder("SKO-01", "TEK-01", "ÆLD-01",
                        "ÆLD-02"));

        List<List<String>> rows = Sheets.rows(Sheets.export(M, s.catalog(), "csv"));
        importFile(M, s.catalog(), Sheets.xlsx(rows), Sheets.XLSX, "").statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(4));

        List<List<String>> edited = withRow(edit(edit(rows, "SKO-01", "Titel", "Lektiecafé; tre dage"), "SKO-01",
                "2054", "120000"), newRow("Lukning af vaskeri"));
        importFile(M, s.catalog(), Sheets.xlsx(edited), Sheets.XLSX, "").statusCode(200)
                .body("rows", equalTo(5)).body("created", equalTo(1)).body("updated", equalTo(1))
                .body("unchanged", equalTo(3))
                .body("results.find { it.number == 'SKO-01' }.action", equalTo("UPDATED"))
                .body("results.find { it.action == 'CREATED' }.number", equalTo("ÆLD-03"));
        JsonPath expansion = proposalJson(s.expansion());
        assertEquals("Lektiecafé; tre dage", expansion.getString("title"));
        assertEquals(List.of(80_000, 120_000, 80_000, 80_000), expansion.getList("years.netChange"));
    }

    @Test
    void aDryRunSaysWhatWouldBeDoneAndWritesNothing() {
        Seeded s = seed(2054);
        List<List<String>> rows = Sheets.rows(Sheets.export(M, s.catalog(), "csv"));
        List<List<String>> edited = withRow(edit(rows, "ÆLD-02", "Titel", "Ruteplanlægning 2.0"), newRow("Ny kladde"));
        importFile(M, s.catalog(), Sheets.csv(edited), CSV, "?dryRun=true").statusCode(200)
                .body("dryRun", equalTo(true)).body("created", equalTo(1)).body("updated", equalTo(1))
                .body("unchanged", equalTo(3))
                .body("results[0].action", equalTo("CREATED")).body("results[0].id", nullValue())
                .body("results.find { it.number == 'ÆLD-02' }.action", equalTo("UPDATED"));
        assertEquals("Ruteplanlægning", proposalJson(s.efficiency()).getString("title"));
        as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + s.catalog() + "/proposals").then().statusCode(200)
                .body("total", equalTo(4));
    }

    /**
     * A large file in one transaction: every row created, numbered in row order, and the catalog's updated rows in
     * the same file written too (the persistence context is cleared every {@code ROWS_PER_FLUSH} rows, so the
     * proposals read while checking are no longer managed when they are updated).
     */
    @Test
    void twoThousandRowsAreWrittenInOneImportInRowOrder() {
        Seeded s = seed(2056);
        int fresh = 2_000;
        List<List<String>> rows = edit(Sheets.rows(Sheets.export(M, s.catalog(), "csv")), "ÆLD-02", "Titel",
                "Ruteplanlægning i alle distrikter");
        for (int i = fresh; i >= 1; i--) {
            rows = withRow(rows, newRow("Færre vikarer i distrikt " + i));
        }
        long started = System.nanoTime();
        importFile(M, s.catalog(), Sheets.csv(rows), CSV, "").statusCode(200)
                .body("rows", equalTo(fresh + 4)).body("created", equalTo(fresh)).body("updated", equalTo(1))
                .body("results[0].number", equalTo("ÆLD-03")).body("results[1999].number", equalTo("ÆLD-2002"));
        System.out.printf("[import] %d new rows and 1 update in one file: %d ms%n", fresh,
                (System.nanoTime() - started) / 1_000_000);
        assertEquals("Ruteplanlægning i alle distrikter", proposalJson(s.efficiency()).getString("title"));
        as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + s.catalog() + "/proposals?q=distrikt 2000").then()
                .statusCode(200).body("items.number", contains("ÆLD-2002"));
    }

    /**
     * Files LibreOffice Calc 7.4.7 saved: the export of {@code seed(2057)}, opened and saved again unedited
     * ({@code soffice --headless --convert-to 'xlsx:Calc MS Excel 2007 XML'}, and for the CSV {@code --infilter=
     * 'CSV:59,34,76,1' --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false'}: ';',
     * UTF-8 without a byte-order mark, every row padded to the header's width). The same seed gives the same numbers and
     * versions, so importing them back changes nothing.
     */
    @Test
    void filesThatLibreOfficeSavedUneditedImportBackWithoutChanges() throws Exception {
        Seeded s = seed(2057);
        for (String[] file : new String[][] { { "katalog-2057.csv", CSV }, { "katalog-2057.xlsx", Sheets.XLSX } }) {
            byte[] saved;
            try (var in = getClass().getResourceAsStream("/libreoffice/" + file[0])) {
                saved = in.readAllBytes();
            }
            importFile(M, s.catalog(), saved, file[1], "").statusCode(200)
                    .body("rows", equalTo(4)).body("created", equalTo(0)).body("updated", equalTo(0))
                    .body("unchanged", equalTo(4))
                    .body("results.number", containsInAnyOrder("SKO-01", "TEK-01", "ÆLD-01", "ÆLD-02"));
        }
        assertEquals(3, proposalJson(s.saving()).getLong("version"), "the presented saving is not written again");
    }
}
