package dk.raaderum.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.systemtest.Drills.Row;
import dk.raaderum.systemtest.FuzzInputs.Variant;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Fuzzing from the merged API description: every operation, called through the gateway as Varde's finance officer
 * with requests generated from its own schema to break it — wrong types, numbers beyond any bound, fractions, huge and
 * unstorable strings, missing and unknown fields, wrong content types, a body declared over the size limit, broken
 * query and path parameters. Each must be a 4xx problem+json, none a 5xx, and nothing the municipality can list may change.
 */
class FuzzDrillIT {

    private static final String M = "573";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** The platform's one body-size limit (raaderum.http.max-body-size), the same at the gateway and behind it. */
    private static final long LIMIT = 256L * 1024 * 1024;
    private static final String OVERSIZED = "a declared length one byte over the body-size limit";
    private static final int VARIANTS_PER_OPERATION = 40;

    /** One generated request. */
    private record Call(String method, String path, String what, String contentType, String body,
            Map<String, String> query, Set<String> declared) {

        Call(String method, String path, String what, String contentType, String body, Map<String, String> query) {
            this(method, path, what, contentType, body, query, Set.of());
        }

        /** The same request, knowing the status codes its operation declares. */
        Call declaring(Set<String> codes) {
            return new Call(method, path, what, contentType, body, query, Set.copyOf(codes));
        }

        boolean declares(int status) {
            return declared.contains(Integer.toString(status)) || declared.contains("default");
        }

        String label() {
            return method.toUpperCase() + " " + path + " with " + what;
        }
    }

    @Test
    void requestsGeneratedToBreakTheDescriptionAreRefusedAndChangeNothing() {
        String gateway = SharedStack.gateway();
        String token = SharedStack.keycloak().passwordToken("varde-finance");
        JsonPath api = given().baseUri(gateway).get("/openapi.json").then().statusCode(200).extract().jsonPath();
        List<Call> calls = calls(api.getMap("paths"), new FuzzInputs(api.getMap("components.schemas")));
        Map<String, Object> before = stableSnapshot(gateway, token, api.getMap("paths"));

        List<String> violations = new ArrayList<>();
        Set<String> undeclared = new TreeSet<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Call call : calls) {
            Response response = RateLimited.send(() -> request(gateway, token, call));
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String type = response.contentType();
            if (response.statusCode() < 400 || response.statusCode() >= 500 || type == null
                    || !type.startsWith("application/problem+json")) {
                violations.add(call.label() + " -> " + response.statusCode() + " " + type);
            }
            if (!call.declares(response.statusCode())) {
                undeclared.add(call.method().toUpperCase() + " " + call.path() + " -> " + response.statusCode());
            }
        }
        Map<String, Object> after = snapshot(gateway, token, api.getMap("paths"));
        long serverErrors = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        Drills.report(new Row("fuzzing from the API description", calls.size(), 0, 0, 0, 0, serverErrors,
                "answers " + statuses + "; not refused as problem+json: " + violations.size()
                        + "; not in the operation's responses: " + undeclared.size()
                        + "; lists unchanged: " + before.equals(after)));
        undeclared.forEach(line -> System.out.println("[undeclared] " + line));
        assertAll(() -> assertTrue(calls.size() >= 1000, "generated requests: " + calls.size()),
                () -> assertEquals(List.of(), violations.stream().limit(40).toList(), violations.size() + " not refused"),
                () -> assertEquals(0, serverErrors, "5xx"),
                () -> assertEquals(List.of(), undeclared.stream().limit(40).toList(), undeclared.size()
                        + " answers whose status the operation's API description does not list"),
                () -> assertEquals(before, after, "what Varde can list"));
    }

    private static Response request(String gateway, String token, Call call) {
        if (call.what().equals(OVERSIZED)) {
            return oversized(gateway, token, call);
        }
        RequestSpecification request = given().baseUri(gateway).auth().oauth2(token).urlEncodingEnabled(true);
        if (call.body() != null) {
            request.contentType(call.contentType()).body(call.body());
        }
        call.query().forEach(request::queryParam);
        return request.request(call.method().toUpperCase(), call.path());
    }

    /**
     * A request whose Content-Length is one byte over the limit, sent on a plain socket with the first byte of its body
     * only: the answer must come at once (no one reads 256 MiB first), as a 413 problem.
     */
    private static Response oversized(String gateway, String token, Call call) {
        java.net.URI uri = java.net.URI.create(gateway);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((call.method().toUpperCase() + " " + call.path() + " HTTP/1.1\r\nHost: "
                    + uri.getHost() + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: " + call.contentType()
                    + "\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n" + call.body())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            java.io.BufferedReader answer = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            int status = Integer.parseInt(answer.readLine().split(" ")[1]);
            String contentType = null;
            for (String line = answer.readLine(); line != null && !line.isEmpty(); line = answer.readLine()) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).trim();
                }
            }
            return new io.restassured.builder.ResponseBuilder().setStatusCode(status).setBody("")
                    .setContentType(contentType == null ? "" : contentType).build();
        } catch (java.io.IOException | RuntimeException e) {
            return new io.restassured.builder.ResponseBuilder().setStatusCode(599).setBody(e.toString()).build();
        }
    }

    /** Every generated request for every operation of the description. */
    @SuppressWarnings("unchecked")
    private static List<Call> calls(Map<String, Object> paths, FuzzInputs inputs) {
        List<Call> calls = new ArrayList<>();
        UnaryOperator<String> concrete = path -> path.replace("{municipalityCode}", M).replace("{budgetYear}", "2090")
                .replace("{areaCode}", "XXX").replaceAll("\\{[^}]+}", "987654321");
        int oversized = 0;
        for (Map.Entry<String, Object> entry : paths.entrySet()) {
            if (!entry.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, Object> operation : ((Map<String, Object>) entry.getValue()).entrySet()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String method = operation.getKey();
                String path = concrete.apply(entry.getKey());
                Map<String, Object> spec = (Map<String, Object>) operation.getValue();
                List<Call> forOperation = new ArrayList<>(bodyCalls(method, path, spec, inputs, oversized++ < 8));
                forOperation.addAll(queryCalls(method, path, spec));
                if (entry.getKey().matches(".*\\{(?!municipalityCode|budgetYear|areaCode)[^}]+}.*")) {
                    for (String id : List.of("abc", "-1", "99999999999999999999", "1.5")) {
                        forOperation.add(new Call(method, concrete.apply(entry.getKey().replaceAll(
                                "\\{(?!municipalityCode|budgetYear|areaCode)[^}]+}", id)), "id " + id, null, null, Map.of()));
                    }
                }
                Set<String> declared = ((Map<String, Object>) spec.getOrDefault("responses", Map.of())).keySet();
                forOperation.forEach(call -> calls.add(call.declaring(declared)));
            }
        }
        return calls;
    }

    @SuppressWarnings("unchecked")
    private static List<Call> bodyCalls(String method, String path, Map<String, Object> spec, FuzzInputs inputs,
            boolean oversize) {
        List<Call> calls = new ArrayList<>();
        if (!(spec.get("requestBody") instanceof Map<?, ?> body) || !(body.get("content") instanceof Map<?, ?> content)
                || content.isEmpty()) {
            return calls;
        }
        String mediaType = content.keySet().iterator().next().toString();
        Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) content.get(mediaType))
                .getOrDefault("schema", Map.of());
        if (mediaType.contains("json")) {
            for (Variant variant : inputs.variants(schema, VARIANTS_PER_OPERATION)) {
                calls.add(new Call(method, path, variant.what(), mediaType, variant.json(), Map.of()));
            }
            calls.add(new Call(method, path, "a JSON body sent as text/plain", "text/plain", "{}", Map.of()));
            calls.add(new Call(method, path, "a JSON body sent as XML", "application/xml", "<a/>", Map.of()));
        } else {
            calls.add(new Call(method, path, "NUL in " + mediaType, mediaType, "a;b\n\u0000;1\n", Map.of()));
            calls.add(new Call(method, path, "an empty " + mediaType, mediaType, "", Map.of()));
            calls.add(new Call(method, path, "JSON instead of " + mediaType, "application/json", "{}", Map.of()));
        }
        if (oversize) {
            calls.add(new Call(method, path, OVERSIZED, mediaType, "{", Map.of()));
        }
        return calls;
    }

    @SuppressWarnings("unchecked")
    private static List<Call> queryCalls(String method, String path, Map<String, Object> spec) {
        List<Call> calls = new ArrayList<>();
        if (!(spec.get("parameters") instanceof List<?> parameters)) {
            return calls;
        }
        for (Object item : parameters) {
            Map<String, Object> parameter = (Map<String, Object>) item;
            if (!"query".equals(parameter.get("in"))) {
                continue;
            }
            String name = parameter.get("name").toString();
            Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
            for (String value : brokenQueryValues(schema)) {
                calls.add(new Call(method, path, "?" + name + "=" + abbreviate(value), null, null, Map.of(name, value)));
            }
        }
        return calls;
    }

    /** Values that break a query parameter of this schema (NUL breaks every one). */
    private static List<String> brokenQueryValues(Map<String, Object> schema) {
        List<String> values = new ArrayList<>(List.of("før\u0000efter"));
        Object type = schema.get("type") instanceof List<?> types ? types.get(0) : schema.get("type");
        if ("integer".equals(type)) {
            values.addAll(List.of("abc", "1.5", "99999999999999999999"));
        } else if (schema.get("enum") instanceof List<?>) {
            values.add("UKENDT_VÆRDI");
        } else if (schema.get("maxLength") instanceof Number max) {
            values.add("ø".repeat(max.intValue() + 1));
        }
        return values;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value.replace("\u0000", "\\u0000") : value.substring(0, 20) + "…(" + value.length() + ")";
    }

    /** The size of every list Varde can read without an id, once two readings agree (events may still arrive). */
    private static Map<String, Object> stableSnapshot(String gateway, String token, Map<String, Object> paths) {
        return await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofSeconds(2))
                .until(() -> {
                    Map<String, Object> first = snapshot(gateway, token, paths);
                    Thread.sleep(1000);
                    return first.equals(snapshot(gateway, token, paths)) ? first : null;
                }, snapshot -> snapshot != null);
    }

    private static Map<String, Object> snapshot(String gateway, String token, Map<String, Object> paths) {
        Map<String, Object> sizes = new LinkedHashMap<>();
        for (String path : paths.keySet()) {
            String concrete = path.replace("{municipalityCode}", M);
            if (!path.startsWith("/api/") || concrete.contains("{") || !(paths.get(path) instanceof Map<?, ?> methods)
                    || !methods.containsKey("get")) {
                continue;
            }
            Response response = RateLimited.send(() -> given().baseUri(gateway).auth().oauth2(token)
                    .accept("application/json").get(concrete));
            if (response.statusCode() == 200 && response.contentType() != null
                    && response.contentType().startsWith("application/json")) {
                Object body = response.jsonPath().get("$");
                if (body instanceof List<?> list) {
                    sizes.put(concrete, list.size());
                } else if (body instanceof Map<?, ?> page && page.get("total") != null) {
                    sizes.put(concrete, page.get("total"));
                }
            }
        }
        return sizes;
    }
}
