package dk.raaderum.proposal;

import static dk.raaderum.proposal.support.Api.advance;
import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.createProposal;
import static dk.raaderum.proposal.support.Api.investment;
import static dk.raaderum.proposal.support.Api.presented;
import static dk.raaderum.proposal.support.Api.proposal;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.testing.Csv;
import dk.raaderum.proposal.support.Api;
import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/** The catalog summary and the exports, read back and summed. */
@QuarkusTest
class ExportAndSummaryTest {

    private static final String M = "161";
    private static final int Y = 2046;
    private static long catalog;

    /*
     * ÆLD-01 SAVING      -100,000 -200,000 -200,000 -200,000 = -700,000 (presented)
     * ÆLD-02 EFFICIENCY   -50,000  -50,000  -50,000  -50,000 = -200,000 (draft)
     * SKO-01 EXPANSION     80,000   80,000   80,000   80,000 =  320,000 (presented)
     * TEK-01 INVESTMENT  cost 400,000 0 0 0, gains 0 150,000 150,000 150,000 → 400,000 -150,000 -150,000 -150,000 = -50,000
     * withdrawn ÆLD-03   -999,999 ... (never counted)
     * subtotal ÆLD -150,000 -250,000 -250,000 -250,000 = -900,000; SKO 320,000; TEK -50,000; total -630,000
     */
    /** Once per class; in @BeforeEach because RestAssured knows the test port only there. */
    @BeforeEach
    void catalog() {
        if (catalog != 0) {
            return;
        }
        catalog = createCatalog(M, Y);
        presented(M, catalog, proposal("ÆLD", "SAVING", "Rengøring; hver tredje uge", Y, -100_000, -200_000, -200_000, -200_000));
        createProposal(M, catalog, proposal("ÆLD", "EFFICIENCY", "Ruteplanlægning \"smart\"", Y, -50_000, -50_000, -50_000, -50_000));
        presented(M, catalog, proposal("SKO", "EXPANSION", "Lektiecafé", Y, 80_000, 80_000, 80_000, 80_000));
        createProposal(M, catalog, investment("TEK", "LED-gadelys", Y, new long[] { 400_000, 0, 0, 0 },
                new long[] { 0, 150_000, 150_000, 150_000 }));
        long withdrawn = createProposal(M, catalog, proposal("ÆLD", "EFFICIENCY", "Trukket", Y, -999_999, -999_999, -999_999, -999_999));
        advance(M, withdrawn, "WITHDRAW");
    }

    @Test
    void summaryTotalsPerYearByTypeAndArea() {
        as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + catalog + "/summary").then().statusCode(200)
                .body("net.years.amount", contains(330_000, -320_000, -320_000, -320_000))
                .body("net.total", equalTo(-630_000))
                .body("net.count", equalTo(4))
                .body("roomCreated.years.amount", contains(-250_000, 400_000, 400_000, 400_000))
                .body("roomSpent.total", equalTo(320_000))
                .body("byType.find { it.type == 'SAVING' }.totals.total", equalTo(-700_000))
                .body("byType.find { it.type == 'SAVING' }.label", equalTo("besparelse"))
                .body("byType.find { it.type == 'INVESTMENT' }.totals.years.amount", contains(400_000, -150_000, -150_000, -150_000))
                .body("byArea.find { it.code == 'ÆLD' }.totals.total", equalTo(-900_000))
                .body("byArea.find { it.code == 'DAG' }.totals.count", equalTo(0))
                .body("statusCounts.WITHDRAWN", equalTo(1))
                .body("statusCounts.PRESENTED", equalTo(2));
        as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + catalog + "/summary?status=PRESENTED").then()
                .body("net.total", equalTo(-380_000));
        // a politician counts only what he may see: the presented proposals
        as(Users.politician(M, "Venstre")).get(base(M) + "/catalogs/" + catalog + "/summary").then()
                .body("net.total", equalTo(-380_000));
    }

    @Test
    void csvHasDanishHeadersSubtotalsAndATotalThatAddUp() {
        byte[] bytes = as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + catalog + "/export.csv").then()
                .statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=\"katalog-161-"))
                .extract().asByteArray();
        List<List<String>> rows = Csv.parse(bytes);
        List<String> header = rows.get(1);
        assertEquals(List.of("Nummer", "Titel", "Type", "Politikområde", "Udvalg", "Hovedkonto", "Status", "Oprindelse",
                "Usikkerhed", "2046", "2047", "2048", "2049", "I alt"), header.subList(0, 14));
        int first = header.indexOf("2046");
        List<String> saving = rows.stream().filter(r -> r.get(0).equals("ÆLD-01")).findFirst().orElseThrow();
        assertEquals("Rengøring; hver tredje uge", saving.get(1));
        assertEquals("besparelse", saving.get(2));
        assertEquals("Fremlagt", saving.get(6));
        List<String> subtotal = rows.stream().filter(r -> r.get(0).startsWith("Subtotal ÆLD")).findFirst().orElseThrow();
        assertEquals(List.of("-150000", "-250000", "-250000", "-250000", "-900000"), subtotal.subList(first, first + 5));
        List<String> total = rows.get(rows.size() - 2);
        assertEquals("I alt", total.get(0));
        assertEquals(List.of("Bemærk: subtotaler og I alt omfatter forslag der ikke er forkastet eller trukket tilbage"),
                rows.get(rows.size() - 1), "the note on what is counted comes after the totals row");
        assertEquals(List.of("330000", "-320000", "-320000", "-320000", "-630000"), total.subList(first, first + 5));
        assertTrue(rows.stream().noneMatch(r -> r.size() > 1 && r.get(1).equals("Trukket")), "withdrawn proposals are not exported");
        long sumOfLines = rows.stream().filter(r -> r.get(0).matches("[A-ZÆØÅ]+-\\d+"))
                .mapToLong(r -> Long.parseLong(r.get(first + 4))).sum();
        assertEquals(-630_000, sumOfLines);
    }

    @Test
    void xlsxOpensWithTheSameNumbers() throws Exception {
        byte[] bytes = as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + catalog + "/export.xlsx").then()
                .statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheet("Katalog");
            Row header = sheet.getRow(1);
            assertEquals("Nummer", header.getCell(0).getStringCellValue());
            assertEquals("I alt", header.getCell(13).getStringCellValue());
            List<Row> lines = new ArrayList<>();
            Row total = null;
            Row subtotalSko = null;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String first = row.getCell(0).getStringCellValue();
                if (first.matches("[A-ZÆØÅ]+-\\d+")) {
                    lines.add(row);
                } else if (first.equals("I alt")) {
                    total = row;
                } else if (first.startsWith("Subtotal SKO")) {
                    subtotalSko = row;
                }
            }
            assertEquals(4, lines.size());
            for (int c = 9; c <= 13; c++) {
                int column = c;
                double sum = lines.stream().mapToDouble(row -> row.getCell(column).getNumericCellValue()).sum();
                assertEquals(sum, total.getCell(c).getNumericCellValue(), "column " + c + " adds up");
            }
            assertEquals(-630_000, (long) total.getCell(13).getNumericCellValue());
            assertEquals(320_000, (long) subtotalSko.getCell(13).getNumericCellValue());
            Row investment = lines.stream().filter(r -> r.getCell(2).getStringCellValue().equals("investering")).findFirst()
                    .orElseThrow();
            assertEquals("Teknik og miljø", investment.getCell(3).getStringCellValue());
        }
    }

    /**
     * After the budget agreement the council sees one total: the summary and both exports count the proposals that are
     * neither rejected nor withdrawn (or, with status=…, exactly the chosen ones), and the files say so under the total.
     */
    @Test
    void exportTotalsEqualTheSummaryTotalsWithRejectedAndWithdrawnProposals() throws Exception {
        int year = Y + 1;
        long agreed = createCatalog(M, year);
        long adopted = presented(M, agreed, proposal("ÆLD", "SAVING", "Vedtages", year, -100, -100, -100, -100));
        presented(M, agreed, proposal("SKO", "EFFICIENCY", "Forkastes", year, -1_000, -1_000, -1_000, -1_000));
        createProposal(M, agreed, proposal("DAG", "EXPANSION", "Kladde", year, 30, 30, 30, 30));
        long withdrawn = createProposal(M, agreed, proposal("TEK", "EFFICIENCY", "Trækkes", year, -5_000, -5_000, -5_000, -5_000));
        advance(M, withdrawn, "WITHDRAW");
        Api.adopt(M, agreed, List.of(adopted)).statusCode(200);

        assertSameTotals(agreed, "", List.of(-70L, -70L, -70L, -70L, -280L),
                "Bemærk: subtotaler og I alt omfatter forslag der ikke er forkastet eller trukket tilbage");
        assertSameTotals(agreed, "?status=ADOPTED,REJECTED", List.of(-1_100L, -1_100L, -1_100L, -1_100L, -4_400L),
                "Bemærk: subtotaler og I alt omfatter forslag med status Vedtaget, Forkastet");
    }

    private void assertSameTotals(long catalogId, String query, List<Long> expected, String note) throws Exception {
        String path = base(M) + "/catalogs/" + catalogId;
        var summary = as(Users.financeOfficer(M)).get(path + "/summary" + query).then().statusCode(200).extract().jsonPath();
        List<Long> summaryTotals = new ArrayList<>(summary.getList("net.years.amount", Long.class));
        summaryTotals.add(summary.getLong("net.total"));
        assertEquals(expected, summaryTotals, "summary" + query);

        List<List<String>> rows = Csv.parse(as(Users.financeOfficer(M)).get(path + "/export.csv" + query).then()
                .statusCode(200).extract().asByteArray());
        List<String> total = rows.stream().filter(r -> r.get(0).equals("I alt")).findFirst().orElseThrow();
        assertEquals(expected, total.subList(9, 14).stream().map(Long::parseLong).toList(), "CSV total" + query);
        assertEquals(List.of(note), rows.get(rows.size() - 1), "CSV note" + query);
        assertEquals(rows.indexOf(total) + 1, rows.size() - 1, "the note is the row after the total");

        byte[] xlsx = as(Users.financeOfficer(M)).get(path + "/export.xlsx" + query).then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Katalog");
            Row last = sheet.getRow(sheet.getLastRowNum());
            Row totalRow = sheet.getRow(sheet.getLastRowNum() - 1);
            assertEquals("I alt", totalRow.getCell(0).getStringCellValue());
            List<Long> xlsxTotals = new ArrayList<>();
            for (int c = 9; c <= 13; c++) {
                xlsxTotals.add((long) totalRow.getCell(c).getNumericCellValue());
            }
            assertEquals(expected, xlsxTotals, "XLSX total" + query);
            assertEquals(note, last.getCell(0).getStringCellValue(), "XLSX note" + query);
        }
    }

    @Test
    void klCuratorsExportOnlyPresentedProposals() {
        String csv = as(Users.klCurator()).get(base(M) + "/catalogs/" + catalog + "/export.csv?status=PRESENTED,ADOPTED")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains("ÆLD-01") && csv.contains("SKO-01"));
        assertTrue(!csv.contains("ÆLD-02") && !csv.contains("TEK-01"), "drafts stay hidden from KL");
    }
}
