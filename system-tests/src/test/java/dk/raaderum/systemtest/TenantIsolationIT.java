package dk.raaderum.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.systemtest.ApiOperations.Operation;
import dk.raaderum.systemtest.Drills.Row;

import io.restassured.response.Response;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Both routes to a leak between municipalities, for every operation of the merged API description (so every resource
 * type) and every role, through the gateway: another municipality's path (a Halsnæs user on Varde's paths, Varde's
 * machine client on Halsnæs's), and one's own path with another municipality's resource ids (Halsnæs users on
 * Halsnæs's paths with Varde's real catalog, proposal, target, analysis, initiative and idea ids). On another
 * municipality's path always 403 or 404; on one's own path with another's ids always refused (404, or 400 when the
 * request's empty body or missing query parameter is refused first): never data, never a change, never a server error.
 */
class TenantIsolationIT {

    private static final String VARDE = "573";
    private static final String HALSNAES = "260";
    private static final List<String> HALSNAES_USERS = List.of("halsnaes-finance", "halsnaes-politician", "halsnaes-owner");
    private static final Pattern ID = Pattern.compile("/([a-z-]+)/\\{(?!municipalityCode|budgetYear|areaCode)([^}]+)}");

    private static String gateway;
    private static Keycloak keycloak;

    @BeforeAll
    static void platform() {
        gateway = SharedStack.gateway();
        keycloak = SharedStack.keycloak();
    }

    /** Every operation under /municipalities/{municipalityCode}/ and /kl/, on the given municipality's paths. */
    private static List<Operation> operations(String municipality, Map<String, String> ids) {
        List<Operation> operations = ApiOperations.list(gateway,
                path -> path.contains("{municipalityCode}") || path.startsWith("/api/v1/kl/"),
                path -> withIds(path, ids).replace("{municipalityCode}", municipality).replace("{budgetYear}", "2027")
                        .replace("{areaCode}", "ÆLD").replaceAll("\\{[^}]+}", "1"));
        assertTrue(operations.size() > 60, "the description lists the municipal operations: " + operations.size());
        return operations;
    }

    /** Puts a real id of the collection named before each id placeholder (…/catalogs/{catalogId} → a catalog's id). */
    private static String withIds(String path, Map<String, String> ids) {
        Matcher matcher = ID.matcher(path);
        StringBuilder concrete = new StringBuilder();
        while (matcher.find()) {
            String id = ids.getOrDefault(matcher.group(1), "1");
            matcher.appendReplacement(concrete, Matcher.quoteReplacement("/" + matcher.group(1) + "/" + id));
        }
        matcher.appendTail(concrete);
        return concrete.toString();
    }

    /** On another municipality's path: anything but 403 or 404 is a leak. */
    private static List<String> leaks(String caller, String token, List<Operation> operations) {
        return leaks(caller, token, operations, status -> status != 403 && status != 404);
    }

    private static List<String> leaks(String caller, String token, List<Operation> operations,
            java.util.function.IntPredicate leak) {
        List<String> leaks = new ArrayList<>();
        for (Operation operation : operations) {
            Response response = RateLimited.send(() -> given().baseUri(gateway).auth().oauth2(token)
                    .contentType(operation.mediaType()).body(operation.mediaType().contains("json") ? "{}" : "x")
                    .request(operation.method().toUpperCase(), operation.path()));
            int status = response.statusCode();
            if (leak.test(status)) {
                leaks.add(caller + ": " + operation.label() + " -> " + status);
            }
        }
        return leaks;
    }

    /** Varde's own resources, one id per collection, read by Varde's finance officer. */
    private static Map<String, String> vardeIds() {
        String token = keycloak.passwordToken("varde-finance");
        String base = "/api/v1/municipalities/" + VARDE;
        Map<String, String> ids = new LinkedHashMap<>();
        for (String collection : List.of("catalogs", "targets", "potential-analyses", "initiatives", "ideas", "idea-copies")) {
            Response list = given().baseUri(gateway).auth().oauth2(token).accept("application/json")
                    .get(base + "/" + collection);
            List<Object> found = list.statusCode() != 200 ? null
                    : list.jsonPath().get("$") instanceof List<?> ? list.jsonPath().getList("id")
                    : list.jsonPath().getList("items.id");
            if (found != null && !found.isEmpty()) {
                ids.put(collection, found.get(0).toString());
            } else {
                System.out.println("[tenancy] no id of Varde's " + collection + ": " + list.statusCode() + " " + list.asString());
            }
        }
        ids.computeIfAbsent("potential-analyses", collection -> given().baseUri(gateway).auth().oauth2(token)
                .contentType("application/json").body(Map.of("name", "Dagtilbud", "areas", List.of(Map.of("code", "DAG",
                        "name", "Dagtilbud", "volume", 100, "ownUnitCost", 90_000))))
                .post(base + "/potential-analyses").then().statusCode(201).extract().jsonPath().getString("id"));
        List<Object> proposals = given().baseUri(gateway).auth().oauth2(token)
                .get(base + "/catalogs/" + ids.get("catalogs") + "/proposals").then().statusCode(200).extract()
                .jsonPath().getList("items.id");
        ids.put("proposals", proposals.get(0).toString());
        return ids;
    }

    @Test
    void everyHalsnaesRoleGetsNothingOfVarde() {
        List<Operation> operations = operations(VARDE, Map.of());
        List<String> leaks = new ArrayList<>();
        for (String user : HALSNAES_USERS) {
            leaks.addAll(leaks(user, keycloak.passwordToken(user), operations));
        }
        Drills.report(new Row("tenancy: another municipality's path", (long) operations.size() * HALSNAES_USERS.size(),
                0, 0, 0, 0, leaks.stream().filter(l -> l.matches(".*-> 5\\d\\d")).count(), "leaks: " + leaks.size()));
        assertEquals(List.of(), leaks);
    }

    @Test
    void vardesMachineClientCannotActForHalsnaes() {
        List<String> leaks = leaks("varde-budget-system", keycloak.clientToken("varde-budget-system",
                "varde-budget-system-secret"), operations(HALSNAES, Map.of()));
        assertEquals(List.of(), leaks);
    }

    @Test
    void ownPathsWithVardesIdsGiveHalsnaesNothing() {
        Map<String, String> ids = vardeIds();
        List<Operation> operations = operations(HALSNAES, ids).stream()
                .filter(o -> ids.values().stream().anyMatch(id -> o.path().contains("/" + id + "/") || o.path().endsWith("/" + id)))
                .toList();
        long withVardeIds = operations.size();
        List<String> leaks = new ArrayList<>();
        for (String user : HALSNAES_USERS) {
            // never an answer with data or a change; a request may be refused for its (empty) body or a missing query
            // parameter before the id is looked up (400), which shows nothing either
            leaks.addAll(leaks(user, keycloak.passwordToken(user), operations, status -> status < 400 || status >= 500));
        }
        Drills.report(new Row("tenancy: own path, another's ids", (long) operations.size() * HALSNAES_USERS.size(), 0, 0,
                0, 0, leaks.stream().filter(l -> l.matches(".*-> 5\\d\\d")).count(),
                "leaks: " + leaks.size() + "; operations with Varde's ids: " + withVardeIds + "; ids " + ids));
        assertAll(() -> assertTrue(ids.size() >= 5, "Varde's resources: " + ids),
                () -> assertTrue(withVardeIds > 30, "operations on Varde's ids: " + withVardeIds),
                () -> assertEquals(List.of(), leaks));
    }
}
