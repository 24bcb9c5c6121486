package dk.raaderum.ideabank;

import static dk.raaderum.ideabank.support.Ideas.as;
import static dk.raaderum.ideabank.support.Ideas.efficiency;
import static dk.raaderum.ideabank.support.Ideas.importJson;
import static dk.raaderum.ideabank.support.Ideas.published;
import static dk.raaderum.ideabank.support.Ideas.row;
import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.ideabank.support.Tokens;
import dk.raaderum.platform.spreadsheet.XlsxWriter;
import dk.raaderum.platform.testing.Csv;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** KL's imports: Danish spreadsheets and JSON, idempotent by source key, all or nothing, round trip with the export. */
@QuarkusTest
class ImportTest {

    @Inject
    DataSource dataSource;

    private static final String IMPORTS = "/api/v1/kl/ideas/imports";
    private static final String CSV = "text/csv; charset=UTF-8";
    private static final String HEADER = "Kommunekode;Budgetår;Nummer;Kildereference;Titel;Resumé;Type;Begrundelse for type;"
            + "Reducerer service;Fagområde;Tags;Prisniveau;År 1 (kr.);År 2 (kr.);År 3 (kr.);År 4 (kr.);Årsværk;"
            + "Investering (kr.);Tilbagebetaling (år);Konsekvenser;Kontaktrolle\r\n";

    private static JsonPath importCsv(String csv) {
        return as(Tokens.curator()).contentType(CSV).body(csv.getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS).then().statusCode(200).extract().jsonPath();
    }

    private static long ideasOf(String municipality) {
        return as(Tokens.curator()).get("/api/v1/municipalities/" + municipality + "/ideas").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    @Test
    void aDanishCsvIsImportedAndImportingItAgainChangesNothing() {
        String csv = HEADER
                + "813;B22;TEK-04;Budget 2022, s. 41;LED-gadelys;Gadelys skiftes til LED;investering;Betaler sig hjem"
                + " på 3,5 år;nej;Veje, trafik og kollektiv transport;energi, LED;2022;1.200.000;-300.000;-350.000;-350.000;-1,5;1.200.000;"
                + "3,5;;Vejchef\r\n"
                + "813;2022;ÆLD-02;;Rengøring hver tredje uge;;besparelse;Lavere serviceniveau;ja;aeldre;;;-400.000,00;;;;"
                + ";;;Borgerne får gjort rent sjældnere;\r\n";
        JsonPath first = importCsv(csv);
        assertEquals(2, first.getInt("rows"));
        assertEquals(2, first.getInt("created"));
        assertEquals("CSV", first.getString("format"));
        JsonPath again = importCsv(csv);
        assertEquals(0, again.getInt("created"));
        assertEquals(2, again.getInt("unchanged"));
        // KL's import history: a page like every other list, newest first
        as(Tokens.curator()).queryParam("size", 2).get(IMPORTS).then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", greaterThanOrEqualTo(2))
                .body("items[0].id", equalTo(again.getInt("importId"))).body("items[0].unchanged", equalTo(2))
                .body("items[1].id", equalTo(first.getInt("importId"))).body("items[1].created", equalTo(2));

        long id = as(Tokens.finance("101")).queryParam("q", "gadelys").queryParam("municipality", "813")
                .get("/api/v1/ideas").then().extract().jsonPath().getLong("items[0].id");
        as(Tokens.finance("101")).get("/api/v1/ideas/" + id).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("origin", equalTo("KL_IMPORT"))
                .body("type", equalTo("INVESTMENT"))
                .body("area.code", equalTo("veje-trafik"))
                .body("amounts.amount", equalTo(List.of(1_200_000, -300_000, -350_000, -350_000)))
                .body("fteChange", equalTo(-1.5f))
                .body("paybackYears", equalTo(3.5f))
                .body("investmentCost", equalTo(1_200_000))
                .body("tags", equalTo(List.of("energi", "led")))
                .body("version", equalTo(0));
        // Danish Excel's number format with decimals (-400.000,00) reads as proposal-service's import reads it
        as(Tokens.finance("101")).queryParam("q", "rengøring").queryParam("municipality", "813").get("/api/v1/ideas")
                .then().body("items[0].amounts[0].amount", equalTo(-400_000));

        // one changed row makes a new version of its idea and nothing else
        importCsv(csv.replace("Gadelys skiftes til LED", "Alle gadelamper skiftes til LED"));
        as(Tokens.finance("101")).get("/api/v1/ideas/" + id).then().body("summary", equalTo("Alle gadelamper skiftes til LED"))
                .body("version", equalTo(1));
        as(Tokens.finance("101")).get("/api/v1/ideas/" + id + "/history").then()
                .body("action", equalTo(List.of("IMPORTED", "UPDATED")))
                .body("[1].changes.field", equalTo(List.of("summary")));
        // the words of the changed summary are found, those it lost are not
        assertEquals(List.of(id), found("gadelamper", "813"));
        assertEquals(List.of(), found("\"gadelys skiftes\"", "813"));
    }

    private static List<Long> found(String words, String municipality) {
        return as(Tokens.finance("101")).queryParam("q", words).queryParam("municipality", municipality)
                .get("/api/v1/ideas").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }

    @Test
    void theVectorsAnImportComputesAheadAreTheOnesTheDatabaseWouldCompute() throws Exception {
        importCsv(HEADER + "217;B23;VEK-01;;Vejbelysning med bevægelsessensorer;Lys tændes kun ved trafik;investering;"
                + "Betaler sig hjem;nej;veje-trafik;energi;2023;500.000;-100.000;-150.000;-150.000;;500.000;4;;Vejchef\r\n");
        assertEquals(1, found("bevægelsessensorer", "217").size());
        assertEquals(1, found("sensorer", "217").size(), "a compound part of the title");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select count(*) filter (where i.head_vector <> v.head_vector or i.search_vector <> v.search_vector),
                               count(*)
                          from idea i, raaderum_idea_vectors(i.title, i.summary, i.description, i.title_parts,
                                                             i.search_parts) v""")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "ideas whose stored vectors differ from their texts'");
            assertTrue(rs.getLong(2) > 0);
        }
    }

    @Test
    void oneBadRowRefusesTheWholeFileAndNamesEveryRowAndColumn() {
        long before = ideasOf("825");
        String csv = HEADER
                + "825;2022;A-1;;Ok række;;effektivisering;Begrundet;nej;skole;;;-1;-1;-1;-1;;;;;\r\n"
                + "999;2022;A-2;;Ukendt kommune;;effektivisering;Begrundet;nej;skole;;;;;;;;;;;\r\n"
                + "825;2101;A-3;;Forkert år;;spareforslag;Begrundet;måske;fritid;;;1.5;;;;;;;;\r\n"
                + "825;2022;A-1;;Samme nummer igen;;effektivisering;Begrundet;nej;skole;;;;;;;;;;;\r\n"
                + "825;2022;A-5;;Besparelse uden konsekvenser;;besparelse;Begrundet;nej;skole;;;-1;;;;;;;;\r\n";
        assertProblem(as(Tokens.curator()).contentType(CSV).body(csv.getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS).then(), 422, "business-rule")
                .body("rule", equalTo("import-rows"))
                .body("rows", equalTo(5))
                .body("detail", containsString("nothing was imported"))
                .body("errors.field", hasItems("row 3: Kommunekode", "row 4: Budgetår", "row 4: Type",
                        "row 4: Reducerer service", "row 4: Fagområde", "row 4: År 1 (kr.)", "row 6: Konsekvenser"))
                .body("errors.message", hasItem("the same municipality, budget year and number as row 2"));
        assertEquals(before, ideasOf("825"));
    }

    @Test
    void aCsvInWindows1252IsReadWhenItsCharsetIsNamed() {
        byte[] csv = (HEADER + "820;2022;W-1;;Færre kørsler til ældrecentre;;effektivisering;Samme service;nej;aeldre;"
                + ";;-90.000;;;;;;;;\r\n").getBytes(java.nio.charset.Charset.forName("windows-1252"));
        // as curl sends it: no charset named, so UTF-8 is expected (RestAssured would otherwise add ISO-8859-1)
        assertProblem(as(Tokens.curator()).config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false))).contentType("text/csv").body(csv)
                .post(IMPORTS).then(), 400, "validation").body("detail", containsString("charset=windows-1252"));
        as(Tokens.curator()).contentType("text/csv; charset=windows-1252").body(csv).post(IMPORTS).then().statusCode(200)
                .body("created", equalTo(1));
        as(Tokens.finance("101")).queryParam("q", "ældrecentre").queryParam("municipality", "820").get("/api/v1/ideas")
                .then().body("items[0].title", equalTo("Færre kørsler til ældrecentre"));
    }

    @Test
    void aControlCharacterInACellRefusesTheFileAsTheJsonApiWould() {
        byte[] csv = (HEADER + "820;2022;NUL-1;;Fælles\u0000 print;;effektivisering;Samme service;nej;aeldre;"
                + ";;-90.000;;;;;;;;\r\n").getBytes(StandardCharsets.UTF_8);
        long before = ideasOf("820");
        assertProblem(as(Tokens.curator()).contentType(CSV).body(csv).queryParam("publish", false).post(IMPORTS).then(),
                400, "validation").body("detail", containsString("Line 2, column 5: must be valid Unicode text"));
        assertEquals(before, ideasOf("820"));
    }

    @Test
    void aFileWithoutASingleIdeaIsRefusedAndNotRecorded() {
        long imports = importCount();
        assertProblem(importJson(List.of()), 422, "business-rule").body("rule", equalTo("import-empty"))
                .body("detail", containsString("holds no ideas"));
        assertProblem(as(Tokens.curator()).contentType(CSV).body(HEADER.getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS).then(), 422, "business-rule").body("rule", equalTo("import-empty"));
        assertProblem(as(Tokens.curator()).contentType(CSV).body(new byte[0]).post(IMPORTS).then(), 422,
                "business-rule").body("rule", equalTo("import-empty"));
        assertEquals(imports, importCount());
    }

    private static long importCount() {
        return as(Tokens.curator()).get(IMPORTS).then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void aJsonFileThatCannotBeReadIsMalformedWithWhereNotA500() {
        String deep = "[{\"title\": " + "[".repeat(1000) + "]".repeat(1000) + "}]";
        assertProblem(as(Tokens.curator()).body(deep).post(IMPORTS).then(), 400, "malformed-request")
                .body("detail", containsString("nesting depth"));
        assertProblem(as(Tokens.curator()).body("[{\"municipality\": \"101\",]").post(IMPORTS).then(), 400,
                "malformed-request").body("detail", containsString("not valid JSON (line 1, column"));
    }

    @Test
    void theHeaderRowMustNameKnownColumns() {
        assertProblem(as(Tokens.curator()).contentType(CSV).body("Kommunekode;Titel;Farve\r\n825;x;rød\r\n"
                .getBytes(StandardCharsets.UTF_8)).post(IMPORTS).then(), 422, "business-rule").body("rule", equalTo("import-header"))
                .body("errors.field", hasItems("Farve", "Budgetår", "Type"));
    }

    @Test
    void jsonRowsAreReadByFieldAndTheirErrorsNamed() {
        importJson(List.of(row("851", 2021, "J-1", "EFFICIENCY", "sundhed", "Digital genoptræning", "Træning med app.",
                -100_000L))).statusCode(200).body("created", equalTo(1));
        Map<String, Object> bad = row("851", 2021, "J-2", "EFFICIENCY", "sundhed", "Forkert felt", "x", -1L);
        bad.put("farve", "rød");
        Map<String, Object> wrongType = row("851", 2021, "J-3", "EFFICIENCY", "sundhed", "Forkert type", "x", -1L);
        wrongType.put("amounts", "mange");
        Map<String, Object> numberTitle = row("851", 2021, "J-4", "EFFICIENCY", "sundhed", "x", "x", -1L);
        numberTitle.put("title", 12345);
        Map<String, Object> textAmount = row("851", 2021, "J-5", "EFFICIENCY", "sundhed", "Tekstbeløb", "x", -1L);
        textAmount.put("amounts", List.of(Map.of("year", 2021, "amount", "-1000")));
        Map<String, Object> danishNo = row("851", 2021, "J-6", "EFFICIENCY", "sundhed", "Dansk nej", "x", -1L);
        danishNo.put("reducesService", "nej");
        long before = ideasOf("851");
        assertProblem(importJson(List.of(bad, wrongType, numberTitle, textAmount, danishNo)), 422, "business-rule")
                .body("errors.field", hasItems("row 1: farve", "row 2: amounts", "row 3: title",
                        "row 4: amounts[0].amount", "row 5: reducesService"))
                .body("errors.message", hasItems("unknown field", "cannot be read as a string",
                        "expected a whole number",
                        "expected true or false"))
                .body("errors.message", everyItem(not(containsString("java."))));
        assertEquals(before, ideasOf("851"), "nothing of a refused import written");
        assertProblem(as(Tokens.curator()).body("{\"not\": \"an array\"}").post(IMPORTS).then(), 400,
                "malformed-request").body("detail", containsString("must be JSON: an array of ideas"));
        assertProblem(as(Tokens.curator()).body("[{\"title\": ").post(IMPORTS).then(), 400, "malformed-request");
        assertProblem(as(Tokens.curator()).body("[{\"title\": \"x\"}, 7]").post(IMPORTS).then(), 400,
                "malformed-request").body("detail", containsString("element 2 is not an object"));
    }

    @Test
    void anXlsxSheetIsImportedLikeTheCsv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWriter xlsx = XlsxWriter.to(out, "Gennemgang B23")) {
            xlsx.header(List.of("Kommunekode", "Budgetår", "Nummer", "Titel", "Type", "Begrundelse for type",
                    "Fagområde", "År 1 (kr.)", "Årsværk"));
            xlsx.row("860", 2023L, "K-9", "Fælles drift af idrætshaller", "effektivisering", "Samme åbningstid",
                    "kultur-fritid", -250_000L, new java.math.BigDecimal("-0.5"));
        }
        JsonPath result = as(Tokens.curator()).contentType(XlsxWriter.MEDIA_TYPE).body(out.toByteArray()).post(IMPORTS)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, result.getInt("created"));
        assertEquals("XLSX", result.getString("format"));
        assertProblem(as(Tokens.curator()).contentType(XlsxWriter.MEDIA_TYPE).body("not a workbook".getBytes()).post(IMPORTS)
                .then(), 400, "validation");
    }

    @Test
    void theExportReadsBackAsAnImportThatChangesNothing() {
        importJson(List.of(row("846", 2020, "R-1", "EXPANSION", "kultur-fritid", "Ny skaterbane", "Anlæg og drift.",
                100_000L, 100_000L), row("846", 2020, "R-2", "INVESTMENT", "bygninger", "Solceller på rådhuset",
                        "Egen strøm.", 1_000_000L, -200_000L))).statusCode(200);
        byte[] export = as(Tokens.curator()).get("/api/v1/kl/ideas/export.csv").then()
                .statusCode(200).header("Content-Disposition", containsString("idebanken.csv")).extract().asByteArray();
        List<List<String>> rows = Csv.parse(export);
        assertEquals("Idé-id", rows.get(0).get(0));
        JsonPath again = as(Tokens.curator()).contentType(CSV).body(export).post(IMPORTS).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(0, again.getInt("created"));
        assertEquals(0, again.getInt("updated"));
        assertEquals(rows.size() - 1, again.getInt("unchanged"));

        as(Tokens.curator()).get(IMPORTS).then().statusCode(200).body("items[0].rows", equalTo(rows.size() - 1))
                .body("items[0].importedBy", equalTo("KL Kurator"));
        given().get("/api/v1/open-data/ideas.csv").then().statusCode(200)
                .body(containsString("Ny skaterbane")).body(not(containsString("Kontaktrolle")));
    }

    @Test
    void anEditedExportUpdatesTheIdeasItNames() {
        long id = published("710", efficiency("Fælles indkøb af kontorartikler", "indkoeb", 2024, 100_000));
        String header = "Idé-id;Kommunekode;Budgetår;Titel;Type;Begrundelse for type;Fagområde;År 1 (kr.);År 2 (kr.);"
                + "År 3 (kr.);År 4 (kr.)\r\n";
        String edited = header + id + ";710;2024;Fælles indkøb af kontorartikler og papir;effektivisering;"
                + "Samme service med færre ressourcer: en effektivisering.;indkoeb;-50000;-100000;-100000;-100000\r\n";
        JsonPath result = as(Tokens.curator()).contentType(CSV).body(edited.getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS).then().statusCode(200).extract().jsonPath();
        assertEquals(1, result.getInt("updated"));
        as(Tokens.finance("101")).get("/api/v1/ideas/" + id).then().body("title",
                equalTo("Fælles indkøb af kontorartikler og papir")).body("origin", equalTo("MUNICIPALITY"));

        assertProblem(as(Tokens.curator()).contentType(CSV).body((header + "987654321;710;2024;x;effektivisering;y;"
                + "indkoeb;;;;\r\n" + id + ";751;2024;x;effektivisering;y;indkoeb;;;;\r\n")
                .getBytes(StandardCharsets.UTF_8)).post(IMPORTS).then(), 422, "business-rule")
                .body("errors.field", hasItem("row 2: Idé-id"));
    }

    /**
     * A new row that carries the number of a municipality's own idea does not overwrite it: only a row naming it by
     * Idé-id changes it on purpose.
     */
    @Test
    void aRowWithTheNumberOfAMunicipalitysOwnIdeaDoesNotOverwriteIt() {
        Map<String, Object> own = new java.util.HashMap<>(efficiency("Ruteplanlægning i hjemmeplejen", "aeldre", 2027,
                750_000));
        own.put("number", "ESB-ÆLD-01");
        long id = published("561", own);
        assertProblem(importJson(List.of(row("561", 2027, "ESB-ÆLD-01", "EFFICIENCY", "aeldre", "KL's nye titel",
                "Ny beskrivelse", -1L, -1L, -1L, -1L))), 422, "business-rule")
                .body("errors[0].field", equalTo("row 1: number"))
                .body("errors[0].message", containsString("idea " + id));
        as(Tokens.finance("561")).get("/api/v1/ideas/" + id).then().statusCode(200)
                .body("title", equalTo("Ruteplanlægning i hjemmeplejen"))
                .body("amounts[1].amount", equalTo(-750_000));
    }

    @Test
    void onlyKlImportsAndOnlyTheseFormats() {
        assertProblem(as(Tokens.finance("846")).body(List.of()).post(IMPORTS).then(), 403, "forbidden");
        assertProblem(as(Tokens.curator()).contentType("text/plain").body("x").post(IMPORTS).then(), 415,
                "unsupported-media-type");
        as(Tokens.curator()).queryParam("publish", false).body(List.of(row("849", 2022, "Q-1", "EFFICIENCY", "skole",
                "Til køen", "x", -1L))).post(IMPORTS).then().statusCode(200);
        as(Tokens.curator()).queryParam("size", 200).get("/api/v1/kl/ideas/queue").then()
                .body("items.title", hasItem("Til køen"));
    }
}
