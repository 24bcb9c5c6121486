package dk.raaderum.ideabank;

import static dk.raaderum.ideabank.support.Ideas.as;
import static dk.raaderum.ideabank.support.Ideas.importJson;
import static dk.raaderum.ideabank.support.Ideas.row;
import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.ideabank.support.Tokens;
import dk.raaderum.platform.testing.Csv;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

/** KL's overview: ideas, contributing municipalities and amounts per area, type, year and municipality. */
@QuarkusTest
class KlOverviewTest {

    private static JsonPath overview(String by) {
        return as(Tokens.curator()).queryParam("by", by).get("/api/v1/kl/ideas/overview").then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void theBankIsCountedByYearAreaTypeAndMunicipalityWithTheFamiliesCredit() {
        importJson(List.of(
                row("766", 2019, "O-1", "EFFICIENCY", "forsyning-klima", "Varmepumper i haller", "x", -100_000L, -200_000L),
                row("773", 2019, "O-2", "EFFICIENCY", "forsyning-klima", "Varmepumper i skoler", "x", -300_000L),
                row("779", 2019, "O-3", "SAVING", "forsyning-klima", "Slukket gadelys om natten", "x", -50_000L)))
                .statusCode(200);
        JsonPath before = overview("BUDGET_YEAR");
        long ideas2019 = before.getLong("rows.find { it.key == '2019' }.ideas");
        long municipalities2019 = before.getLong("rows.find { it.key == '2019' }.municipalities");
        assertEquals("B19", before.getString("rows.find { it.key == '2019' }.label"));
        assertTrue(ideas2019 >= 3 && municipalities2019 >= 3);

        // a merge keeps the member's municipality in the count, and takes its idea out of the published ones
        List<Long> ids = as(Tokens.finance("101")).queryParam("q", "varmepumper").queryParam("municipality", "766,773")
                .get("/api/v1/ideas").then().extract().jsonPath().getList("items.id", Long.class);
        as(Tokens.curator()).body(Map.of("intoIdeaId", ids.get(0), "reason", "Samme idé"))
                .post("/api/v1/kl/ideas/" + ids.get(1) + "/merge").then().statusCode(200);
        JsonPath after = overview("BUDGET_YEAR");
        assertEquals(ideas2019 - 1, after.getLong("rows.find { it.key == '2019' }.ideas"));
        assertEquals(municipalities2019, after.getLong("rows.find { it.key == '2019' }.municipalities"));

        JsonPath byArea = overview("AREA");
        assertEquals("Forsyning, energi og klima", byArea.getString("rows.find { it.key == 'forsyning-klima' }.label"));
        assertTrue(byArea.getLong("rows.find { it.key == 'forsyning-klima' }.yearTotals[0]") <= -150_000L);
        assertTrue(byArea.getLong("total.ideas") >= 2);
        assertEquals("besparelse", overview("TYPE").getString("rows.find { it.key == 'SAVING' }.label"));
        assertEquals("Skive", overview("MUNICIPALITY").getString("rows.find { it.key == '779' }.label"));
    }

    @Test
    void theOverviewDownloadsForDanishExcel() throws Exception {
        importJson(List.of(row("727", 2020, "D-1", "EFFICIENCY", "kultur-fritid", "Selvbetjente biblioteker", "x",
                -80_000L))).statusCode(200);
        byte[] csv = as(Tokens.curator()).queryParam("by", "MUNICIPALITY").get("/api/v1/kl/ideas/overview.csv").then()
                .statusCode(200).extract().asByteArray();
        List<List<String>> rows = Csv.parse(csv);
        assertEquals(List.of("Nøgle", "Betegnelse", "Idéer", "Kommuner", "Idéer med beløb", "År 1 (kr.)", "År 2 (kr.)",
                "År 3 (kr.)", "År 4 (kr.)"), rows.get(0));
        assertEquals("Odder", Csv.row(rows, "727").get(1));
        assertEquals("I alt", Csv.row(rows, "total").get(1));
        byte[] xlsx = as(Tokens.curator()).get("/api/v1/kl/ideas/overview.xlsx").then().statusCode(200)
                .header("Content-Disposition", containsString(".xlsx")).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals("Nøgle", book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
        }
        byte[] export = as(Tokens.curator()).get("/api/v1/kl/ideas/export.xlsx").then().statusCode(200).extract()
                .asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            assertEquals("Idé-id", book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
            assertTrue(book.getSheetAt(0).getLastRowNum() >= 1);
        }
    }

    @Test
    void onlyKlCounts() {
        assertProblem(as(Tokens.finance("727")).get("/api/v1/kl/ideas/overview").then(), 403, "forbidden");
        assertProblem(as(Tokens.curator()).queryParam("by", "COLOUR").get("/api/v1/kl/ideas/overview").then(), 400,
                "validation").body("errors[0].field", equalTo("by"));
        // one grouping: two are refused, not read as the first of them
        assertProblem(as(Tokens.curator()).queryParam("by", "TYPE,AREA").get("/api/v1/kl/ideas/overview").then(), 400,
                "validation").body("detail", equalTo("by: 'TYPE,AREA' must be one of [AREA, TYPE, BUDGET_YEAR, MUNICIPALITY]"));
    }
}
