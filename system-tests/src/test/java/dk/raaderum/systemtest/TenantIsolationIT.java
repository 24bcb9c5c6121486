package dk.raaderum.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every endpoint of the merged API description, called through the gateway by a user or system of another
 * municipality: 403 (or 404), never data, never a server error.
 */
class TenantIsolationIT {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static String gateway;
    private static Keycloak keycloak;

    @BeforeAll
    static void platform() {
        gateway = SharedStack.gateway();
        keycloak = SharedStack.keycloak();
    }

    /** method, concrete path and request media type of every operation under /municipalities/{municipalityCode}/ and /kl/. */
    private static List<String[]> operations(String municipality) {
        JsonPath api = given().baseUri(gateway).get("/openapi.json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = api.getMap("paths");
        List<String[]> operations = new ArrayList<>();
        paths.forEach((path, byMethod) -> {
            if (!path.contains("{municipalityCode}") && !path.startsWith("/api/v1/kl/")) {
                return;
            }
            String concrete = path.replace("{municipalityCode}", municipality)
                    .replaceAll("\\{budgetYear}", "2027").replaceAll("\\{areaCode}", "ÆLD").replaceAll("\\{[^}]+}", "1");
            byMethod.forEach((method, operation) -> {
                if (METHODS.contains(method)) {
                    operations.add(new String[] { method, concrete, mediaType(operation) });
                }
            });
        });
        assertTrue(operations.size() > 60, "the description lists the municipal operations: " + operations.size());
        return operations;
    }

    /** The operation's first request media type (JSON when it takes no body). */
    @SuppressWarnings("unchecked")
    private static String mediaType(Object operation) {
        Object body = ((Map<String, Object>) operation).get("requestBody");
        if (body instanceof Map<?, ?> requestBody && requestBody.get("content") instanceof Map<?, ?> content
                && !content.isEmpty()) {
            return content.keySet().iterator().next().toString();
        }
        return "application/json";
    }

    private static List<String> violations(String token, List<String[]> operations) {
        List<String> violations = new ArrayList<>();
        for (String[] operation : operations) {
            Response response = given().baseUri(gateway).auth().oauth2(token).contentType(operation[2])
                    .body(operation[2].contains("json") ? "{}" : "x")
                    .request(operation[0].toUpperCase(), operation[1]);
            int status = response.statusCode();
            if (status != 403 && status != 404) {
                violations.add(operation[0].toUpperCase() + " " + operation[1] + " -> " + status);
            }
        }
        return violations;
    }

    @Test
    void aHalsnaesUserGetsNothingOfVarde() {
        List<String> violations = violations(keycloak.passwordToken("halsnaes-finance"), operations("573"));
        assertTrue(violations.isEmpty(), "answered other than 403/404: " + violations);
    }

    @Test
    void vardesMachineClientCannotActForHalsnaes() {
        List<String> violations = violations(keycloak.clientToken("varde-budget-system", "varde-budget-system-secret"),
                operations("260"));
        assertTrue(violations.isEmpty(), "answered other than 403/404: " + violations);
    }
}
