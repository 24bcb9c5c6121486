package dk.raaderum.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The idea bank through the gateway with real Keycloak tokens: the demo bank is searchable in Danish, a municipality's
 * submission and a shared catalog proposal reach KL's queue, KL publishes them and imports a review, and every other
 * municipality finds them; the published ideas are open data.
 */
class IdeaBankIT {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static String gateway;
    private static Keycloak keycloak;

    @BeforeAll
    static void platform() {
        gateway = SharedStack.gateway();
        keycloak = SharedStack.keycloak();
    }

    private static RequestSpecification as(String user) {
        return given().baseUri(gateway).auth().oauth2(keycloak.passwordToken(user)).contentType(ContentType.JSON);
    }

    private static JsonPath search(String user, String words) {
        return as(user).queryParam("q", words).get("/api/v1/ideas").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theDemoBankIsFoundInDanish() {
        JsonPath hits = search("halsnaes-politician", "hjemmepleje");
        assertEquals("FULL_TEXT", hits.getString("matchedBy"));
        assertTrue(hits.getInt("total") > 0, "the demo bank knows hjemmepleje");
        JsonPath all = as("varde-finance").queryParam("size", 100).get("/api/v1/ideas").then().statusCode(200).extract()
                .jsonPath();
        assertTrue(all.getInt("total") >= 100, "published demo ideas: " + all.getInt("total"));
        assertTrue(all.getList("facets.area").size() >= 14, "areas: " + all.getList("facets.area"));
        assertTrue(all.getList("facets.budgetYear.value").containsAll(List.of("2019", "2020", "2021", "2022")));
        assertTrue(!all.getList("items.findAll { it.familySize > 1 }").isEmpty(), "families of ideas found in several"
                + " municipalities' budgets");
        given().baseUri(gateway).queryParam("q", "pleje").get("/api/v1/open-data/ideas").then().statusCode(200)
                .body("matchedBy", equalTo("FULL_TEXT"));
        given().baseUri(gateway).get("/api/v1/open-data/ideas.csv").then().statusCode(200);
        as("kl-curator").get("/api/v1/kl/ideas/queue").then().statusCode(200)
                .body("items.municipality.code", hasItem("573"));
    }

    /** A municipality's submission of B2027: an EFFICIENCY creating {@code room} in 2027 and twice that after. */
    static Map<String, Object> efficiency(String title, String summary, String rationale, String area, long room) {
        Map<String, Object> idea = new LinkedHashMap<>();
        idea.put("title", title);
        idea.put("summary", summary);
        idea.put("type", "EFFICIENCY");
        idea.put("classificationRationale", rationale);
        idea.put("reducesService", false);
        idea.put("areaCode", area);
        idea.put("budgetYear", 2027);
        idea.put("amounts", List.of(Map.of("year", 2027, "amount", -room), Map.of("year", 2028, "amount", -2 * room),
                Map.of("year", 2029, "amount", -2 * room), Map.of("year", 2030, "amount", -2 * room)));
        return idea;
    }

    @Test
    void aSubmissionIsCuratedByKlAndFoundByOthers() {
        Map<String, Object> idea = efficiency("Genbrugsbutik drevet af borgere i jobafklaring",
                "Borgere i jobafklaring driver kommunens genbrugsbutik med støtte fra jobcentret.",
                "Færre købte forløb hos eksterne aktører, samme afklaring.", "beskaeftigelse", 200_000);
        long id = as("varde-finance").body(idea).post("/api/v1/municipalities/573/ideas").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as("halsnaes-finance").body(idea).post("/api/v1/municipalities/573/ideas").then().statusCode(403);
        as("halsnaes-finance").get("/api/v1/ideas/" + id).then().statusCode(404);
        as("varde-finance").body(Map.of("tags", List.of("genbrug"))).post("/api/v1/kl/ideas/" + id + "/publish").then()
                .statusCode(403);

        as("kl-curator").body(Map.of("tags", List.of("genbrug", "jobafklaring"), "comment", "Godt forslag"))
                .post("/api/v1/kl/ideas/" + id + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        assertEquals(id, search("halsnaes-finance", "genbrugsbutikken").getLong("items[0].id"));
        as("halsnaes-finance").get("/api/v1/ideas/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("SUBMITTED", "PUBLISHED")));
    }

    @Test
    void aSharedCatalogProposalReachesKlsQueueThroughEvents() {
        // Varde's own catalog, so the demo catalogs other tests count stay as seeded
        String varde = "/api/v1/municipalities/573";
        Map<String, Object> area = Map.of("code", "DAG", "name", "Dagtilbud", "mainAccount", 5, "committee",
                "Børne- og Skoleudvalget");
        long catalog = as("varde-finance").body(Map.of("budgetYear", 2029, "title", "Katalog 2029", "areas", List.of(area)))
                .post(varde + "/catalogs").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("title", "Fælles vikarkorps for dagtilbuddene");
        proposal.put("description", "Et fast vikarkorps erstatter tilkaldevikarer i alle dagtilbud.");
        proposal.put("type", "EFFICIENCY");
        proposal.put("classificationRationale", "Samme dækning med færre dyre vikartimer.");
        proposal.put("areaCode", "DAG");
        proposal.put("origin", Map.of("kind", "ADMINISTRATION"));
        List<Map<String, Object>> years = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            years.add(Map.of("year", 2029 + i, "amount", i == 0 ? -300_000 : -600_000));
        }
        proposal.put("operatingChange", years);
        proposal.put("uncertainty", "MEDIUM");
        proposal.put("shareWithIdeaBank", true);
        long id = as("varde-finance").body(proposal).post(varde + "/catalogs/" + catalog + "/proposals").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        for (String action : List.of("SUBMIT", "QUALIFY", "PRESENT")) {
            as("varde-finance").body(Map.of("action", action)).post(varde + "/proposals/" + id + "/transitions")
                    .then().statusCode(200);
        }
        long idea = await().atMost(SOON).until(() -> as("varde-finance").queryParam("size", 200)
                .get(varde + "/ideas").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.sourceProposalId == " + id + " }.id", Long.class), ids -> !ids.isEmpty())
                .get(0);
        as("kl-curator").get("/api/v1/ideas/" + idea).then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("origin", equalTo("SHARED_PROPOSAL")).body("area.code", equalTo("dagtilbud"))
                .body("sourceStatus", equalTo("PRESENTED"));
    }

    @Test
    void klsAggregatorImportsAReviewAsCsv() {
        String token = keycloak.clientToken("kl-aggregator", "kl-aggregator-secret");
        String csv = "Kommunekode;Budgetår;Nummer;Titel;Type;Begrundelse for type;Fagområde;År 1 (kr.)\r\n"
                + "461;B22;SYS-1;Fælles indkøb af vikarer på tværs af skoler;effektivisering;Samme dækning;skole;-350.000\r\n";
        given().baseUri(gateway).auth().oauth2(token).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/kl/ideas/imports").then().statusCode(200)
                .body("rows", equalTo(1));
        given().baseUri(gateway).auth().oauth2(token).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/kl/ideas/imports").then().statusCode(200)
                .body("unchanged", equalTo(1));
        assertEquals("Odense", search("ringsted-politician", "vikarer skoler").getString("items[0].municipality.name"));
    }
}
