package dk.raaderum.systemtest;

import static dk.raaderum.systemtest.RateLimited.send;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.systemtest.ApiOperations.Operation;

import io.restassured.response.Response;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every operation of the merged API description, called through the gateway by a finance officer of the right
 * municipality with input no client should send: a body that is not JSON, JSON of the wrong shape, ids that do not
 * exist. The answer is always a 4xx problem+json, never a server error.
 */
class BadInputIT {

    private static final String M = "573";
    private static String gateway;
    private static String token;
    private static List<Operation> operations;

    @BeforeAll
    static void platform() {
        gateway = SharedStack.gateway();
        token = SharedStack.keycloak().passwordToken("varde-finance");
        operations = operations();
    }

    private static List<Operation> operations() {
        // ids that do not exist; a budget year and an area code that are well-formed but have no data
        List<Operation> found = ApiOperations.list(gateway, path -> path.contains("{municipalityCode}"),
                path -> path.replace("{municipalityCode}", M).replace("{budgetYear}", "2090").replace("{areaCode}", "XXX")
                        .replaceAll("\\{[^}]+}", "987654321"));
        assertTrue(found.size() > 60, "the description lists the municipal operations: " + found.size());
        return found;
    }

    private static void expectProblem(Response response, Operation operation, String what, List<String> violations) {
        int status = response.statusCode();
        String contentType = response.contentType();
        // the input's own fault: not an auth answer or the rate limiter (those would make this test pass for nothing)
        if (!Set.of(400, 404, 409, 412, 422).contains(status) || contentType == null
                || !contentType.startsWith("application/problem+json")) {
            violations.add(operation.label() + " with " + what + " -> " + status + " " + contentType);
        }
    }

    private static List<Operation> withJsonBody() {
        List<Operation> found = operations.stream().filter(o -> o.hasBody() && o.mediaType().contains("json")).toList();
        assertTrue(found.size() > 20, "operations that take JSON: " + found.size());
        return found;
    }

    @Test
    void bodiesThatAreNotJsonAre400() {
        List<String> violations = new ArrayList<>();
        for (Operation operation : withJsonBody()) {
            Response response = send(() -> given().baseUri(gateway).auth().oauth2(token)
                    .contentType(operation.mediaType()).body("{\"title\": ")
                    .request(operation.method().toUpperCase(), operation.path()));
            expectProblem(response, operation, "a truncated JSON body", violations);
            if (response.statusCode() != 400 && response.statusCode() != 404) {
                violations.add(operation.label() + " truncated JSON -> " + response.statusCode() + ", not 400");
            }
        }
        assertTrue(violations.isEmpty(), "answered otherwise: " + violations);
    }

    @Test
    void jsonOfTheWrongShapeIsAProblem() {
        List<String> bodies = List.of("[1, 2]", "\"text\"", "{\"title\": {\"nested\": true}, \"budgetYear\": \"soon\","
                + " \"amount\": 1.5e400, \"proposalIds\": \"all\", \"years\": 7}");
        List<String> violations = new ArrayList<>();
        for (Operation operation : withJsonBody()) {
            for (String body : bodies) {
                expectProblem(send(() -> given().baseUri(gateway).auth().oauth2(token).contentType(operation.mediaType())
                        .body(body).request(operation.method().toUpperCase(), operation.path())), operation, body,
                        violations);
            }
        }
        assertTrue(violations.isEmpty(), "answered otherwise: " + violations);
    }

    @Test
    void idsThatDoNotExistAreNotFoundOrEmpty() {
        List<String> violations = new ArrayList<>();
        List<Operation> reads = operations.stream()
                .filter(o -> o.method().equals("get") && o.path().contains("987654321")).toList();
        assertTrue(reads.size() > 15, "reads by id: " + reads.size());
        for (Operation operation : reads) {
            Response response = send(() -> given().baseUri(gateway).auth().oauth2(token).get(operation.path()));
            if (response.statusCode() != 200) {
                expectProblem(response, operation, "an unknown id", violations);
            } else if (!nothingIn(response)) {
                violations.add(operation.label() + " with an unknown id -> 200 with data: " + response.asString());
            }
        }
        assertTrue(violations.isEmpty(), "answered otherwise: " + violations);
    }

    /** An empty list, or a page with no items. */
    private static boolean nothingIn(Response response) {
        Object body = response.jsonPath().get("$");
        if (body instanceof List<?> list) {
            return list.isEmpty();
        }
        return body instanceof Map<?, ?> page && page.get("items") instanceof List<?> items && items.isEmpty();
    }

    @Test
    void pagesBeyondAnyListAre400() {
        List<Operation> lists = operations.stream().filter(o -> o.method().equals("get") && o.paged()).toList();
        assertTrue(lists.size() > 8, "paged lists: " + lists.size());
        List<String> violations = new ArrayList<>();
        for (Operation operation : lists) {
            for (String page : List.of("2147483647", "-1", "x")) {
                Response response = send(() -> given().baseUri(gateway).auth().oauth2(token).queryParam("page", page)
                        .get(operation.path()));
                expectProblem(response, operation, "page=" + page, violations);
                if (response.statusCode() != 400) {
                    violations.add(operation.label() + "?page=" + page + " -> " + response.statusCode() + ", not 400");
                }
            }
        }
        assertTrue(violations.isEmpty(), "answered otherwise: " + violations);
    }
}
