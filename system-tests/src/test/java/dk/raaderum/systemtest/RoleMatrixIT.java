package dk.raaderum.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Each role's allowed and forbidden operations, through the gateway with real tokens (Ringsted's demo data); no token
 * is 401 everywhere.
 */
class RoleMatrixIT {

    private static final String R = "/api/v1/municipalities/329";
    private static String gateway;
    private static Keycloak keycloak;
    private static long catalog;

    @BeforeAll
    static void platform() {
        gateway = SharedStack.gateway();
        keycloak = SharedStack.keycloak();
        catalog = given().baseUri(gateway).auth().oauth2(keycloak.passwordToken("ringsted-finance")).get(R + "/catalogs")
                .then().statusCode(200).extract().jsonPath().getLong("find { it.budgetYear == 2027 }.id");
    }

    /** who, method, path, body, allowed (2xx) or the expected status. */
    private record Case(String who, String method, String path, Object body, int expected) {
    }

    private static String token(String who) {
        return switch (who) {
            case "varde-budget-system" -> keycloak.clientToken("varde-budget-system", "varde-budget-system-secret");
            case "kl-aggregator" -> keycloak.clientToken("kl-aggregator", "kl-aggregator-secret");
            default -> keycloak.passwordToken(who);
        };
    }

    @Test
    void eachRoleMayDoWhatItsJobNeedsAndNothingElse() {
        String catalogs = R + "/catalogs";
        String proposals = catalogs + "/" + catalog + "/proposals";
        Map<String, Object> newCatalog = Map.of("budgetYear", 2099, "title", "Forbudt", "areas", List.of());
        Map<String, Object> simulation = Map.of("proposalIds", List.of());
        Map<String, Object> partyExpansion = Map.of("title", "Gratis frugt", "description", "Frugt i alle klasser.",
                "type", "EXPANSION", "classificationRationale", "Koster penge", "areaCode", "SKO",
                "origin", Map.of("kind", "POLITICAL_PARTY", "party", "Det Konservative Folkeparti"),
                "operatingChange", List.of(Map.of("year", 2027, "amount", 100_000), Map.of("year", 2028, "amount", 100_000),
                        Map.of("year", 2029, "amount", 100_000), Map.of("year", 2030, "amount", 100_000)),
                "uncertainty", "LOW");
        List<Case> cases = List.of(
                // finance officer: everything in the municipality
                new Case("ringsted-finance", "GET", catalogs, null, 200),
                new Case("ringsted-finance", "GET", R + "/budgets", null, 200),
                new Case("ringsted-finance", "GET", R + "/followup/dashboard?year=2027", null, 200),
                new Case("ringsted-finance", "POST", catalogs + "/" + catalog + "/simulations", simulation, 200),
                // politician: reads, simulates, writes for the own party; no catalogs, no targets
                new Case("ringsted-politician", "GET", proposals, null, 200),
                new Case("ringsted-politician", "POST", catalogs + "/" + catalog + "/simulations", simulation, 200),
                new Case("ringsted-politician", "POST", proposals, partyExpansion, 201),
                new Case("ringsted-politician", "POST", catalogs, newCatalog, 403),
                new Case("ringsted-politician", "POST", R + "/targets", Map.of(), 403),
                // program owner: reads; no simulations, no proposals
                new Case("ringsted-owner", "GET", proposals, null, 200),
                new Case("ringsted-owner", "GET", R + "/followup/overdue", null, 200),
                new Case("ringsted-owner", "POST", catalogs + "/" + catalog + "/simulations", simulation, 403),
                new Case("ringsted-owner", "POST", catalogs, newCatalog, 403),
                // KL: across municipalities where allowed, aggregated figures; never writes
                new Case("kl-curator", "GET", proposals, null, 200),
                new Case("kl-curator", "GET", "/api/v1/kl/targets/summary?budgetYear=2027", null, 200),
                new Case("kl-curator", "GET", "/api/v1/kl/followup/overview?year=2026", null, 200),
                new Case("kl-curator", "POST", catalogs, newCatalog, 403),
                new Case("kl-curator", "GET", R + "/budgets", null, 403),
                new Case("kl-aggregator", "GET", "/api/v1/ideas", null, 200),
                new Case("kl-aggregator", "GET", "/api/v1/kl/ideas/queue", null, 200),
                new Case("kl-curator", "GET", "/api/v1/kl/ideas/overview?by=BUDGET_YEAR", null, 200),
                // the idea bank: everybody reads published ideas; a municipality submits its own; only KL curates
                new Case("ringsted-politician", "GET", "/api/v1/ideas?q=pleje", null, 200),
                new Case("ringsted-owner", "GET", R + "/ideas", null, 200),
                new Case("ringsted-politician", "POST", R + "/ideas", Map.of(), 403),
                new Case("ringsted-finance", "GET", "/api/v1/kl/ideas/queue", null, 403),
                new Case("varde-budget-system", "GET", R + "/ideas", null, 403),
                // another municipality's system: nothing in Ringsted
                new Case("varde-budget-system", "GET", catalogs, null, 403),
                new Case("ringsted-finance", "GET", "/api/v1/kl/targets/summary?budgetYear=2027", null, 403));
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            var request = given().baseUri(gateway).auth().oauth2(token(c.who())).contentType(ContentType.JSON);
            if (c.body() != null) {
                request.body(c.body());
            }
            int status = request.request(c.method(), c.path()).statusCode();
            if (status != c.expected()) {
                wrong.add(c.who() + " " + c.method() + " " + c.path() + ": " + status + " (expected " + c.expected() + ")");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void noTokenIs401AtEveryServiceButTheOpenData() {
        for (String path : List.of(R + "/catalogs", R + "/budgets", R + "/initiatives", "/api/v1/ideas",
                "/api/v1/kl/targets/summary?budgetYear=2027")) {
            given().baseUri(gateway).get(path).then().statusCode(401);
        }
        given().baseUri(gateway).get("/api/v1/open-data/realised-gains").then().statusCode(200);
        given().baseUri(gateway).get("/api/v1/open-data/ideas").then().statusCode(200);
        given().baseUri(gateway).get("/api/v1/kl/ideas/queue").then().statusCode(401);
        given().baseUri(gateway).get(R + "/ideas").then().statusCode(401);
    }
}
