package dk.raaderum.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The finance department's year through the gateway with real Keycloak tokens (Halsnæs, which has no demo register):
 * its register of policy areas in target-service, a catalog in proposal-service that names the register's revision,
 * the catalog exported as CSV and imported back unchanged (nothing written) and edited (one proposal changed, seen in
 * its history), the next year's catalog previewed and created from it (amounts moved one year on), an amount converted
 * between price levels, and follow-up's list of initiatives that need an owner.
 */
class BudgetYearIT {

    private static final String HALSNAES = "/api/v1/municipalities/260";
    private static final String FINANCE = "halsnaes-finance";
    /** A year no other system test uses for Halsnæs. */
    private static final int YEAR = 2041;
    private static final String TITLE = "Bedre ruteplanlægning i hjemmeplejen";

    private static RequestSpecification as(String user) {
        return given().baseUri(SharedStack.gateway()).auth().oauth2(SharedStack.keycloak().passwordToken(user))
                .contentType(ContentType.JSON).log().ifValidationFails();
    }

    @Test
    void registerCatalogExcelRoundTripHistoryRolloverAndPriceLevels() {
        long revision = as(FINANCE).body(Map.of("name", "Ældreområdet", "mainAccount", 5, "committee",
                "Social- og Sundhedsudvalget")).put(HALSNAES + "/policy-areas/ÆLD").then().statusCode(201)
                .body("area.code", equalTo("ÆLD")).extract().jsonPath().getLong("revision");
        as("halsnaes-politician").get(HALSNAES + "/policy-areas").then().statusCode(200)
                .body("areas.code", hasItem("ÆLD"));

        long catalog = as(FINANCE).queryParam("policyAreaRevision", revision).body(Map.of("budgetYear", YEAR, "title",
                "Budgetkatalog " + YEAR, "areas", List.of(Map.of("code", "ÆLD", "name", "Ældreområdet", "mainAccount",
                        5, "committee", "Social- og Sundhedsudvalget"))))
                .post(HALSNAES + "/catalogs").then().statusCode(201).extract().jsonPath().getLong("id");
        long first = as(FINANCE).body(Drills.proposal(YEAR, TITLE)).post(HALSNAES + "/catalogs/" + catalog + "/proposals")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        as(FINANCE).body(Drills.proposal(YEAR, "Fælles indkøb af hjælpemidler"))
                .post(HALSNAES + "/catalogs/" + catalog + "/proposals").then().statusCode(201);

        roundTrip(catalog, first);
        rollover(catalog);

        JsonPath converted = as("halsnaes-politician").queryParam("amount", 1_000_000).queryParam("from", 2026)
                .queryParam("to", 2027).get(HALSNAES + "/price-index/convert").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(2027, converted.getInt("priceLevel.year"));
        assertTrue(converted.getLong("converted") > 1_000_000, "2026 kroner are more kroner at 2027 prices: "
                + converted.getLong("converted"));
        as(FINANCE).get(HALSNAES + "/initiatives/needs-owner").then().statusCode(200);
    }

    /** Export → import unchanged writes nothing; an edited title updates exactly that proposal, kept in its history. */
    private static void roundTrip(long catalog, long first) {
        String csv = new String(as(FINANCE).get(HALSNAES + "/catalogs/" + catalog + "/export.csv").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        importCsv(catalog, csv).body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2));
        String edited = csv.replace(TITLE, TITLE + " og færre kørselstimer");
        importCsv(catalog, edited).body("created", equalTo(0)).body("updated", equalTo(1))
                .body("results.find { it.action == 'UPDATED' }.id", equalTo((int) first));
        JsonPath history = as(FINANCE).get(HALSNAES + "/proposals/" + first + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("EDIT", history.getString("items[0].kind"), history.prettify());
        assertEquals(TITLE + " og færre kørselstimer",
                history.getString("items[0].changes.find { it.field == 'title' }.to"), history.prettify());
    }

    private static io.restassured.response.ValidatableResponse importCsv(long catalog, String csv) {
        return as(FINANCE).contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post(HALSNAES + "/catalogs/" + catalog + "/proposals/import").then().statusCode(200);
    }

    /** The preview writes nothing; the rollover carries both drafts into next year with the window moved one on. */
    private static void rollover(long catalog) {
        as(FINANCE).get(HALSNAES + "/catalogs/" + catalog + "/rollover").then().statusCode(200)
                .body("budgetYear", equalTo(YEAR + 1)).body("carriedCount", equalTo(2));
        JsonPath result = as(FINANCE).post(HALSNAES + "/catalogs/" + catalog + "/rollover").then().statusCode(201)
                .body("catalog.budgetYear", equalTo(YEAR + 1)).body("carriedCount", equalTo(2)).extract().jsonPath();
        assertEquals(List.of(YEAR + 1, YEAR + 2, YEAR + 3, YEAR + 4), result.getList("carried[0].netChange.year"));
        assertEquals(List.of(-(int) Drills.ROOM_PER_YEAR, -(int) Drills.ROOM_PER_YEAR, -(int) Drills.ROOM_PER_YEAR,
                -(int) Drills.ROOM_PER_YEAR), result.getList("carried[0].netChange.amount"));
        as(FINANCE).post(HALSNAES + "/catalogs/" + catalog + "/rollover").then().statusCode(409)
                .body("existingCatalog.id", equalTo(result.getInt("catalog.id")));
    }
}
