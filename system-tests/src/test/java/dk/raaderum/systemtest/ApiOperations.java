package dk.raaderum.systemtest;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** The operations of the gateway's merged API description, with concrete paths, for tests that call every one. */
final class ApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /**
     * @param method lower case
     * @param mediaType the first request media type, JSON when the operation takes no body
     * @param paged whether it takes a {@code page} query parameter
     */
    record Operation(String method, String path, String mediaType, boolean hasBody, boolean paged) {

        String label() {
            return method.toUpperCase() + " " + path;
        }
    }

    private ApiOperations() {
    }

    /** The operations whose path template {@code include} accepts, the template made concrete by {@code concrete}. */
    static List<Operation> list(String gateway, Predicate<String> include, UnaryOperator<String> concrete) {
        JsonPath api = given().baseUri(gateway).get("/openapi.json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = api.getMap("paths");
        List<Operation> found = new ArrayList<>();
        paths.forEach((path, byMethod) -> {
            if (!include.test(path)) {
                return;
            }
            byMethod.forEach((method, value) -> {
                if (!METHODS.contains(method) || !(value instanceof Map<?, ?> operation)) {
                    return;
                }
                String mediaType = "application/json";
                boolean hasBody = false;
                if (operation.get("requestBody") instanceof Map<?, ?> body && body.get("content") instanceof Map<?, ?> content
                        && !content.isEmpty()) {
                    mediaType = content.keySet().iterator().next().toString();
                    hasBody = true;
                }
                boolean paged = operation.get("parameters") instanceof List<?> parameters && parameters.stream()
                        .anyMatch(p -> p instanceof Map<?, ?> parameter && "page".equals(parameter.get("name"))
                                && "query".equals(parameter.get("in")));
                found.add(new Operation(method, concrete.apply(path), mediaType, hasBody, paged));
            });
        });
        return found;
    }
}
