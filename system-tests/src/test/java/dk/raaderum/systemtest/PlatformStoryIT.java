package dk.raaderum.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A budget year in Varde, through the gateway only, with real Keycloak tokens: the finance department sets a target
 * and builds the catalog, a politician compares scenarios, the council adopts, target coverage follows within
 * seconds, the adopted proposals become initiatives, the program owner reports, and the dashboard and the public
 * open data show it.
 */
class PlatformStoryIT {

    private static final String VARDE = "573";
    private static final int YEAR = 2026;
    private static final Duration SOON = Duration.ofSeconds(30);

    private static String gateway;
    private static Keycloak keycloak;

    @BeforeAll
    static void platform() {
        gateway = SharedStack.gateway();
        keycloak = SharedStack.keycloak();
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(gateway).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String varde(String path) {
        return "/api/v1/municipalities/" + VARDE + path;
    }

    private static List<Map<String, Object>> years(long... amounts) {
        List<Map<String, Object>> years = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            years.add(Map.of("year", YEAR + i, "amount", amounts[i]));
        }
        return years;
    }

    private static Map<String, Object> proposal(String area, String type, String title, long... net) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", title + " i Varde Kommune.");
        body.put("type", type);
        body.put("classificationRationale", "Klassificeret af økonomiafdelingen");
        body.put("areaCode", area);
        body.put("origin", Map.of("kind", "ADMINISTRATION"));
        body.put("operatingChange", years(net));
        body.put("uncertainty", "MEDIUM");
        body.put("programOwner", "varde-owner");
        if (type.equals("SAVING")) {
            body.put("serviceConsequences", "Borgerne får gjort rent sjældnere");
        }
        return body;
    }

    @Test
    void aBudgetYearFromTargetAndCatalogToReportedGainsInTheOpenData() {
        String finance = keycloak.passwordToken("varde-finance");
        String politician = keycloak.passwordToken("varde-politician"); // Venstre
        String owner = keycloak.passwordToken("varde-owner");

        // 1. The economic policy: a 6 mio. kr. target, split over the areas by their budgets, adopted.
        List<Map<String, Object>> areas = List.of(
                budgetArea("ÆLD", "Ældreområdet", 5, "Social- og Sundhedsudvalget", 600_000_000L),
                budgetArea("SKO", "Skoleområdet", 3, "Børne- og Skoleudvalget", 400_000_000L),
                budgetArea("TEK", "Teknik og miljø", 2, "Teknik- og Miljøudvalget", 200_000_000L));
        as(finance).body(Map.of("priceLevelYear", YEAR, "areas", areas)).put(varde("/budgets/" + YEAR)).then()
                .statusCode(201);
        long target = as(finance).body(Map.of("budgetYear", YEAR, "name", "Effektiviseringsmål " + YEAR, "kind", "AMOUNT",
                "mode", "LEVEL", "responsibleBody", "FINANCE_COMMITTEE",
                "years", years(6_000_000, 6_000_000, 6_000_000, 6_000_000))).post(varde("/targets")).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        as(finance).body(Map.of("key", "UNIFORM", "reason", "Ensartet efter budgetandel"))
                .post(varde("/targets/" + target + "/allocations")).then().statusCode(201);
        as(finance).body(Map.of("decisionReference", "Økonomiudvalget " + YEAR)).post(varde("/targets/" + target + "/adopt"))
                .then().statusCode(200);

        // 2. The catalog: the administration's proposals and a party's expansion.
        List<Map<String, Object>> catalogAreas = areas.stream().map(a -> Map.of("code", a.get("code"), "name", a.get("name"),
                "mainAccount", a.get("mainAccount"), "committee", a.get("committee"))).toList();
        long catalog = as(finance).body(Map.of("budgetYear", YEAR, "title", "Katalog " + YEAR, "areas", catalogAreas))
                .post(varde("/catalogs")).then().statusCode(201).extract().jsonPath().getLong("id");
        long saving = create(finance, catalog, proposal("ÆLD", "SAVING", "Rengøring hver tredje uge",
                -1_000_000, -2_000_000, -2_000_000, -2_000_000));
        long efficiency = create(finance, catalog, proposal("SKO", "EFFICIENCY", "Fælles skoleadministration",
                -500_000, -500_000, -500_000, -500_000));
        Map<String, Object> expansionBody = proposal("SKO", "EXPANSION", "Lektiecafé i udskolingen",
                300_000, 300_000, 300_000, 300_000);
        expansionBody.put("origin", Map.of("kind", "POLITICAL_PARTY", "party", "Venstre"));
        long expansion = create(politician, catalog, expansionBody);
        move(politician, expansion, "SUBMIT");
        for (long id : List.of(saving, efficiency)) {
            move(finance, id, "SUBMIT");
        }
        for (long id : List.of(saving, efficiency, expansion)) {
            move(finance, id, "QUALIFY");
            move(finance, id, "PRESENT");
        }
        // the target reached the catalog (target.allocated → proposal-service)
        await().atMost(SOON).untilAsserted(() -> as(finance).get(varde("/catalogs/" + catalog + "/targets")).then()
                .statusCode(200).body("find { it.areaCode == 'ÆLD' && it.year == " + YEAR + " }.target", equalTo(3_000_000)));

        // 3. A politician compares two scenarios.
        String scenarios = varde("/catalogs/" + catalog + "/scenarios");
        long withExpansion = as(politician).body(Map.of("name", "Med lektiecafé",
                "simulation", Map.of("proposalIds", List.of(saving, expansion)))).post(scenarios).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long withoutExpansion = as(politician).body(Map.of("name", "Uden lektiecafé", "shareWithParty", true,
                "simulation", Map.of("proposalIds", List.of(saving, efficiency)))).post(scenarios).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(politician).get(scenarios + "/compare?left=" + withExpansion + "&right=" + withoutExpansion).then()
                .statusCode(200)
                .body("selection.onlyLeft.id", contains((int) expansion))
                .body("selection.onlyRight.id", contains((int) efficiency))
                .body("years.netRoomDifference", contains(800_000, 800_000, 800_000, 800_000));

        // 4. The budget agreement.
        as(finance).body(Map.of("adoptedProposalIds", List.of(saving, efficiency), "comment", "Budgetforlig " + YEAR))
                .post(varde("/catalogs/" + catalog + "/adoption")).then().statusCode(200)
                .body("adopted", containsInAnyOrder((int) saving, (int) efficiency))
                .body("rejected", contains((int) expansion));

        // 5. Target coverage follows within seconds: ÆLD's 3 mio. target, covered 1 mio. in the budget year.
        await().atMost(SOON).untilAsserted(() -> as(finance).get(varde("/coverage/" + YEAR)).then().statusCode(200)
                .body("areas.find { it.areaCode == 'ÆLD' }.years[0].target", equalTo(3_000_000))
                .body("areas.find { it.areaCode == 'ÆLD' }.years[0].covered", equalTo(1_000_000))
                .body("areas.find { it.areaCode == 'ÆLD' }.years[1].covered", equalTo(2_000_000))
                .body("areas.find { it.areaCode == 'SKO' }.years[0].covered", equalTo(500_000)));

        // 6. The benefit register has the adopted proposals (the expansion spends room: not followed up).
        JsonPath initiative = await().atMost(SOON).until(() -> as(finance)
                .get(varde("/initiatives?proposalId=" + saving)).then().statusCode(200).extract().jsonPath(),
                page -> page.getInt("total") == 1);
        long initiativeId = initiative.getLong("items[0].id");
        as(finance).get(varde("/initiatives?proposalId=" + expansion)).then().body("total", equalTo(0));
        assertEquals("varde-owner", initiative.getString("items[0].owner.username"));

        // 7. The program owner reports the budget year's gain.
        as(owner).body(Map.of("year", YEAR, "realised", 900_000, "evidenceLevel", "PROBABLE",
                "narrative", "Ny rengøringsplan fra 1. marts; målt i planlægningssystemet."))
                .post(varde("/initiatives/" + initiativeId + "/reports")).then().statusCode(201);

        // 8. The dashboard and the public open data show it.
        as(finance).get(varde("/followup/dashboard?year=" + YEAR)).then().statusCode(200)
                .body("byArea.find { it.key == 'ÆLD' }.realised", equalTo(900_000));
        String openData = given().baseUri(gateway)
                .get("/api/v1/open-data/realised-gains?municipality=" + VARDE + "&catalogYear=" + YEAR).then()
                .statusCode(200)
                .body("items.find { it.areaCode == 'ÆLD' && it.year == " + YEAR + " }.realised", equalTo(900_000))
                .extract().asString();
        assertFalse(openData.contains("varde-owner"), "no personal data in the open data");
    }

    private static Map<String, Object> budgetArea(String code, String name, int mainAccount, String committee, long amount) {
        return Map.of("code", code, "name", name, "mainAccount", mainAccount, "committee", committee,
                "amounts", years(amount, amount, amount, amount));
    }

    private static long create(String token, long catalog, Map<String, Object> body) {
        return as(token).body(body).post(varde("/catalogs/" + catalog + "/proposals")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static void move(String token, long proposal, String action) {
        as(token).body(Map.of("action", action)).post(varde("/proposals/" + proposal + "/transitions")).then()
                .statusCode(200);
    }
}
