package dk.raaderum.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.systemtest.ApiOperations.Operation;

import io.restassured.response.Response;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * Every endpoint of the merged API description, called through the gateway by a user or system of another
 * municipality: 403 (or 404), never data, never a server error.
 */
class TenantIsolationIT {

    private static String gateway;
    private static Keycloak keycloak;

    @BeforeAll
    static void platform() {
        gateway = SharedStack.gateway();
        keycloak = SharedStack.keycloak();
    }

    /** Every operation under /municipalities/{municipalityCode}/ and /kl/, on the given municipality's paths. */
    private static List<Operation> operations(String municipality) {
        List<Operation> operations = ApiOperations.list(gateway,
                path -> path.contains("{municipalityCode}") || path.startsWith("/api/v1/kl/"),
                path -> path.replace("{municipalityCode}", municipality).replace("{budgetYear}", "2027")
                        .replace("{areaCode}", "ÆLD").replaceAll("\\{[^}]+}", "1"));
        assertTrue(operations.size() > 60, "the description lists the municipal operations: " + operations.size());
        return operations;
    }

    private static List<String> violations(String token, List<Operation> operations) {
        List<String> violations = new ArrayList<>();
        for (Operation operation : operations) {
            Response response = RateLimited.send(() -> given().baseUri(gateway).auth().oauth2(token)
                    .contentType(operation.mediaType()).body(operation.mediaType().contains("json") ? "{}" : "x")
                    .request(operation.method().toUpperCase(), operation.path()));
            int status = response.statusCode();
            if (status != 403 && status != 404) {
                violations.add(operation.label() + " -> " + status);
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
