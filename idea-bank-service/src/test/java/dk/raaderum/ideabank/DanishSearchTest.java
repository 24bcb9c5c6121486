package dk.raaderum.ideabank;

import static dk.raaderum.ideabank.support.Ideas.as;
import static dk.raaderum.ideabank.support.Ideas.importJson;
import static dk.raaderum.ideabank.support.Ideas.row;
import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.raaderum.ideabank.support.Ideas;
import dk.raaderum.ideabank.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * Danish search as municipal users would type it: compound words, inflections, æ/ø/å, phrases, exclusions, "or",
 * misspellings, facets and sorts. The ideas are KL-imported for Thisted (787) and Ærø (492), and every search is
 * filtered to those two, so other tests' ideas never interfere.
 */
@QuarkusTest
class DanishSearchTest {

    private static final String THISTED = "787";
    private static final String AERO = "492";

    private static boolean imported;

    /** Once per test run (RestAssured knows the application's port only per test). */
    @BeforeEach
    void ideas() {
        if (imported) {
            return;
        }
        imported = true;
        importJson(List.of(
                row(THISTED, 2022, "S-01", "EFFICIENCY", "aeldre", "Ruteplanlægning i hjemmeplejen",
                        "Kørslen i hjemmeplejen planlægges med et optimeringsværktøj, så medarbejderne kører færre"
                                + " kilometer mellem borgerne.", -200_000L, -400_000L, -400_000L, -400_000L),
                row(THISTED, 2022, "S-02", "INVESTMENT", "aeldre", "Velfærdsteknologi i ældreplejen",
                        "Vasketoiletter og loftlifte gør borgerne mere selvhjulpne.", 900_000L, -300_000L, -600_000L,
                        -600_000L),
                row(THISTED, 2021, "S-03", "EFFICIENCY", "indkoeb", "Fælles indkøb på plejehjemmene",
                        "Kommunens plejehjem køber fødevarer og rengøringsmidler ind i én fælles aftale.", -100_000L,
                        -150_000L, -150_000L, -150_000L),
                row(THISTED, 2022, "S-04", "SAVING", "natur-miljoe-teknik", "Pleje af grønne arealer hver tredje uge",
                        "Græsset i parkerne slås sjældnere, og rabatterne får lov at gro.", -300_000L, -300_000L,
                        -300_000L, -300_000L),
                row(THISTED, 2023, "S-05", "EFFICIENCY", "it-digitalisering", "Digital post til alle borgere",
                        "Breve sendes som digital post i stedet for papir, hvor borgeren er tilmeldt.", -50_000L,
                        -80_000L, -80_000L, -80_000L),
                row(THISTED, 2023, "S-06", "EFFICIENCY", "administration", "Selvbetjening erstatter breve",
                        "En digital løsning sender svar, så færre breve går med post.", -40_000L, -40_000L, -40_000L,
                        -40_000L),
                row(THISTED, 2020, "S-07", "INVESTMENT", "bygninger", "Energirenovering af skolerne",
                        "Skolernes energiforbrug halveres med LED-belysning og ny ventilation.", 2_000_000L, -400_000L,
                        -500_000L, -500_000L),
                row(AERO, 2022, "S-08", "EFFICIENCY", "veje-trafik", "Færgefart til Ærø med elfærger",
                        "Elfærgerne mellem Ærø og fastlandet sparer brændstof.", -500_000L, -1_000_000L, -1_000_000L,
                        -1_000_000L),
                row(AERO, 2022, "S-09", "EFFICIENCY", "tvaergaaende", "Forslag <b>fed</b> & kursiv i titlen",
                        "Tekst med <script>alert(1)</script> og pleje.", -10_000L, -10_000L, -10_000L, -10_000L)))
                .statusCode(200);
    }

    private static JsonPath search(String query, Object... parameters) {
        var request = as(Tokens.finance("101")).queryParam("municipality", THISTED + "," + AERO);
        if (query != null) {
            request.queryParam("q", query);
        }
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam((String) parameters[i], parameters[i + 1]);
        }
        return request.get("/api/v1/ideas").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> titles(JsonPath result) {
        return result.getList("items.title", String.class);
    }

    @Test
    void aPartOfACompoundFindsTheCompoundsBelowTheWordItself() {
        JsonPath result = search("pleje");
        assertEquals("FULL_TEXT", result.getString("matchedBy"));
        List<String> titles = titles(result);
        assertEquals("Pleje af grønne arealer hver tredje uge", titles.get(0), "the word itself, in a title, ranks first");
        assertThat(titles, hasItem("Ruteplanlægning i hjemmeplejen"));
        assertThat(titles, hasItem("Velfærdsteknologi i ældreplejen"));
        assertThat(titles, hasItem("Fælles indkøb på plejehjemmene"));

        assertThat(titles(search("ældre")), contains("Velfærdsteknologi i ældreplejen"));
        assertThat(titles(search("hjem")), containsInAnyOrder("Ruteplanlægning i hjemmeplejen",
                "Fælles indkøb på plejehjemmene"));
    }

    @Test
    void inflectionsMeetTheirStem() {
        assertThat(titles(search("skole")), contains("Energirenovering af skolerne"));
        assertThat(titles(search("hjemmeplejens")), contains("Ruteplanlægning i hjemmeplejen"));
        assertThat(titles(search("ÆLDREPLEJE")), contains("Velfærdsteknologi i ældreplejen"));
    }

    @Test
    void aeOeAaAreLettersOfTheirOwn() {
        assertThat(titles(search("Ærø")), contains("Færgefart til Ærø med elfærger"));
        JsonPath folded = search("aero");
        assertThat(titles(folded), not(hasItem("Færgefart til Ærø med elfærger")));
        assertThat(titles(search("færger")), contains("Færgefart til Ærø med elfærger"));
    }

    @Test
    void aPhraseMatchesOnlyWordsSideBySide() {
        assertThat(titles(search("digital post")), containsInAnyOrder(
                "Digital post til alle borgere", "Selvbetjening erstatter breve"));
        assertThat(titles(search("\"digital post\"")), contains("Digital post til alle borgere"));
    }

    @Test
    void aMinusExcludesAndOrWidens() {
        assertThat(titles(search("pleje -hjem")), containsInAnyOrder(
                "Pleje af grønne arealer hver tredje uge", "Velfærdsteknologi i ældreplejen",
                "Forslag <b>fed</b> & kursiv i titlen"));
        assertThat(titles(search("elfærger or vasketoiletter")), containsInAnyOrder(
                "Færgefart til Ærø med elfærger", "Velfærdsteknologi i ældreplejen"));
    }

    @Test
    void aMisspeltWordFindsTitlesSpeltAlike() {
        JsonPath result = search("hjemmeplejn");
        assertEquals("SIMILAR_SPELLING", result.getString("matchedBy"));
        assertEquals("Ruteplanlægning i hjemmeplejen", titles(result).get(0));
        assertEquals(0, search("zxqwvbnm").getInt("total"));
    }

    @Test
    void anExclusionIsNeverUndoneBySpelling() {
        // the words alone find "Ruteplanlægning i hjemmeplejen"; excluding it leaves nothing, not titles spelt alike
        for (String words : List.of("hjemmeplejen -hjemmeplejen", "\"ruteplanlægning i hjemmeplejen\" -hjemmeplejen",
                "hjemmeplejn -ruteplanlægning")) {
            JsonPath result = search(words);
            assertEquals(0, result.getInt("total"), words);
            assertEquals("FULL_TEXT", result.getString("matchedBy"), words);
        }
    }

    @Test
    void onlyStopWordsSearchNothingButTheFilters() {
        JsonPath result = search("og i at");
        assertEquals("FILTERS", result.getString("matchedBy"));
        assertEquals(9, result.getInt("total"));
    }

    @Test
    void hitsAreHighlightedAsSafeHtml() {
        JsonPath result = search("kursiv");
        assertEquals("Forslag &lt;b&gt;fed&lt;/b&gt; &amp; <mark>kursiv</mark> i titlen",
                result.getString("items[0].titleHighlighted"));
        // PostgreSQL's headline drops markup from the text; what is left is escaped
        String snippet = search("pleje -hjem -grønne -ældre").getString("items[0].snippet");
        assertThat(snippet, not(containsString("<script")));
        assertThat(snippet, containsString("<mark>pleje</mark>"));
        assertThat(search("kørslen").getString("items[0].snippet"),
                containsString("<mark>Kørslen</mark>"));
    }

    @Test
    void facetsCountAllHitsAndFiltersCombine() {
        JsonPath all = search(null, "size", 2);
        assertEquals(9, all.getInt("total"));
        assertEquals(2, all.getList("items").size());
        assertEquals(2, all.getInt("facets.area.find { it.value == 'aeldre' }.count"));
        assertEquals("Ældre og omsorg", all.getString("facets.area.find { it.value == 'aeldre' }.label"));
        assertEquals(6, all.getInt("facets.type.find { it.value == 'EFFICIENCY' }.count"));
        assertEquals("effektivisering", all.getString("facets.type.find { it.value == 'EFFICIENCY' }.label"));
        assertEquals(7, all.getInt("facets.municipality.find { it.value == '787' }.count"));
        assertEquals("Thisted", all.getString("facets.municipality.find { it.value == '787' }.label"));
        assertEquals("B22", all.getString("facets.budgetYear.find { it.value == '2022' }.label"));
        assertEquals(1, all.getInt("facets.reducesService.find { it.value == 'true' }.count"));

        JsonPath filtered = search("pleje", "area", "aeldre", "type", "INVESTMENT");
        assertThat(titles(filtered), contains("Velfærdsteknologi i ældreplejen"));
        assertEquals(1, filtered.getInt("total"));
        assertEquals(2, search(null, "budgetYear", "2020,2021").getInt("total"));
        assertEquals(1, search(null, "reducesService", true).getInt("total"));
    }

    @Test
    void sortsByNewestAndLargestAmount() {
        // the largest amount of any year, either way: the renovation's 2 mio. kr. investment year comes first
        assertEquals(List.of("Energirenovering af skolerne", "Færgefart til Ærø med elfærger"),
                titles(search(null, "sort", "largest-amount")).subList(0, 2));
        assertEquals(9, search(null, "sort", "newest").getList("items").size());
        assertEquals(9, search(null, "sort", "most-adopted").getList("items").size());
    }

    @Test
    void freeTextFindsAnIdeaByItsTags() {
        String vordingborg = "390";
        Map<String, Object> body = Ideas.efficiency("Fælles vagtplan i beredskabet", "tvaergaaende", 2027, 200_000L);
        long id = Ideas.submitted(vordingborg, body);
        assertEquals(List.of("velfærdsteknologi"), body.get("tags"), "the texts do not use the tag's word");
        as(Tokens.curator()).body(Map.of("tags", List.of("klimatilpasning", "beredskabssamarbejde")))
                .post("/api/v1/kl/ideas/" + id + "/publish").then().statusCode(200);

        JsonPath found = as(Tokens.finance("101")).queryParam("municipality", vordingborg)
                .queryParam("q", "klimatilpasning").get("/api/v1/ideas").then().statusCode(200).extract().jsonPath();
        assertEquals("FULL_TEXT", found.getString("matchedBy"));
        assertThat(titles(found), contains("Fælles vagtplan i beredskabet"));
        assertThat(titles(as(Tokens.finance("101")).queryParam("municipality", vordingborg)
                .queryParam("q", "samarbejde").get("/api/v1/ideas").then().statusCode(200).extract().jsonPath()),
                contains("Fælles vagtplan i beredskabet"));
        assertEquals(0, as(Tokens.finance("101")).queryParam("municipality", vordingborg)
                .queryParam("q", "velfærdsteknologi").get("/api/v1/ideas").then().statusCode(200).extract().jsonPath()
                .getInt("total"), "the tag the curator replaced is no longer found");
    }

    @Test
    void badSearchParametersAreNamed() {
        assertProblem(as(Tokens.finance("101")).queryParam("area", "ældre").get("/api/v1/ideas").then(), 400,
                "validation").body("errors[0].field", equalTo("area"));
        assertProblem(as(Tokens.finance("101")).queryParam("municipality", "999").get("/api/v1/ideas").then(), 400,
                "validation").body("errors[0].field", equalTo("municipality"));
        assertProblem(as(Tokens.finance("101")).queryParam("budgetYear", "B22").get("/api/v1/ideas").then(), 400,
                "validation").body("errors[0].field", equalTo("budgetYear"));
        assertProblem(as(Tokens.finance("101")).queryParam("sort", "popular").get("/api/v1/ideas").then(), 400,
                "validation").body("errors[0].field", equalTo("sort"));
        assertProblem(as(Tokens.finance("101")).queryParam("hasRealisedGains", "maybe").get("/api/v1/ideas").then(),
                400, "validation").body("errors[0].field", equalTo("hasRealisedGains"));
        // a value JAX-RS cannot convert to the parameter's type is named too, in the search's @BeanParam as well
        assertProblem(as(Tokens.finance("101")).queryParam("minAdoptions", "two").get("/api/v1/ideas").then(), 400,
                "validation").body("errors[0].field", equalTo("minAdoptions"))
                .body("detail", equalTo("minAdoptions: 'two' must be a whole number"));
        assertProblem(as(Tokens.finance("101")).queryParam("minRealisationRatio", "80%").get("/api/v1/ideas").then(),
                400, "validation").body("errors[0].field", equalTo("minRealisationRatio"))
                .body("errors[0].message", equalTo("must be a number"));
        assertProblem(as(Tokens.finance("101")).queryParam("status", "SUBMITTED").get("/api/v1/ideas").then(), 403,
                "forbidden");
        assertProblem(as(Tokens.finance("101")).queryParam("q", "x".repeat(501)).get("/api/v1/ideas").then(), 400,
                "validation");
        as(Tokens.curator()).queryParam("status", "SUBMITTED,PUBLISHED").get("/api/v1/ideas").then().statusCode(200);
    }

    @Test
    void theOpenDataSearchNeedsNoLogin() {
        given().queryParam("q", "elfærger").queryParam("municipality", AERO).get("/api/v1/open-data/ideas").then()
                .statusCode(200).body("items.title", contains("Færgefart til Ærø med elfærger"));
        long id = search("elfærger").getLong("items[0].id");
        given().get("/api/v1/open-data/ideas/" + id).then().statusCode(200).body("title",
                equalTo("Færgefart til Ærø med elfærger")).body("sourceMunicipality.name", equalTo("Ærø"));
        assertProblem(given().get("/api/v1/open-data/ideas/987654321").then(), 404, "not-found");
    }
}
