package dk.raaderum.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The API contract (docs/api/README.md): {@code docs/api/openapi.json} is what the running platform's gateway serves,
 * and the platform breaks nothing a client of the committed contract relies on.
 *
 * <p>After an API change, {@code -Draaderum.openapi.write=true} rewrites the file from the running platform (commit it
 * with the change); it refuses a breaking change unless {@code -Draaderum.openapi.accept-breaking="<why>"} says why
 * (and the change is a new major version, or removes operations whose sunset has passed, or the reviewers agree).
 */
class OpenApiContractIT {

    static final Path CONTRACT = Repo.root().resolve("docs/api/openapi.json");
    private static final String WRITE = "raaderum.openapi.write";
    private static final String ACCEPT_BREAKING = "raaderum.openapi.accept-breaking";
    private static final String REGENERATE = "regenerate it: ./mvnw verify -pl system-tests -Dit.test=OpenApiContractIT"
            + " -Draaderum.openapi.write=true (after ./mvnw install -DskipTests), and commit docs/api/openapi.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String running;

    @BeforeAll
    static void platform() throws IOException {
        String served = given().baseUri(SharedStack.gateway()).get("/openapi.json").then().statusCode(200).extract()
                .asString();
        assertTrue(!served.contains("x-unavailable-services"), "every service must answer for its API description");
        running = ApiContract.stable(served);
        if (Boolean.getBoolean(WRITE) && !running.equals(committed())) {
            write();
        }
    }

    private static void write() throws IOException {
        if (Files.exists(CONTRACT)) {
            ApiContract.Changes changes = ApiContract.compare(committed(), running, LocalDate.now());
            String reason = System.getProperty(ACCEPT_BREAKING, "").strip();
            if (!changes.breaking().isEmpty() && reason.isEmpty()) {
                System.out.println(changes.report());
                throw new IllegalStateException("Not written: the change breaks clients " + changes.breaking()
                        + "; give -D" + ACCEPT_BREAKING + "=\"<why>\" to write it anyway");
            }
        }
        Files.createDirectories(CONTRACT.getParent());
        Files.writeString(CONTRACT, running);
        System.out.println("[api] wrote " + CONTRACT);
    }

    private static String committed() throws IOException {
        return Files.exists(CONTRACT) ? Files.readString(CONTRACT) : "";
    }

    @Test
    void theCommittedContractIsWhatThePlatformServes() throws IOException {
        String committed = committed();
        if (!committed.equals(running)) {
            ApiContract.Changes changes = committed.isEmpty() ? null
                    : ApiContract.compare(committed, running, LocalDate.now());
            System.out.println(changes == null ? "[api] no committed contract" : changes.report());
        }
        assertTrue(committed.equals(running), "docs/api/openapi.json is not what the platform serves; " + REGENERATE);
    }

    @Test
    void everyOperationDescribesWhatItAnswersWhenItSucceeds() throws IOException {
        List<String> missing = new ArrayList<>();
        operations((label, operation) -> {
            JsonNode success = successOf(operation);
            if (success == null) {
                missing.add(label + ": no 2xx response");
            } else if (label.startsWith("GET") && success.path("content").isEmpty()) {
                missing.add(label + ": no content for its 2xx response");
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void everyListThatPagesAnswersTheSamePageShape() throws IOException {
        JsonNode schemas = JSON.readTree(running).path("components").path("schemas");
        List<String> other = new ArrayList<>();
        operations((label, operation) -> {
            boolean paged = false;
            for (JsonNode parameter : operation.path("parameters")) {
                paged |= "page".equals(parameter.path("name").asText()) && "query".equals(parameter.path("in").asText());
            }
            if (!paged) {
                return;
            }
            JsonNode success = successOf(operation);
            String ref = success == null ? "" : success.path("content").path("application/json").path("schema")
                    .path("$ref").asText();
            JsonNode properties = schemas.path(ref.replace("#/components/schemas/", "")).path("properties");
            if (!properties.path("items").path("type").asText().equals("array")
                    || !properties.has("page") || !properties.has("size") || !properties.has("total")) {
                other.add(label + " answers " + (ref.isEmpty() ? "no page schema" : ref));
            }
        });
        assertEquals(List.of(), other, "every paged list answers {items, page, size, total} (docs/api/README.md)");
    }

    private static JsonNode successOf(JsonNode operation) {
        for (Iterator<Map.Entry<String, JsonNode>> it = operation.path("responses").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> response = it.next();
            if (response.getKey().startsWith("2")) {
                return response.getValue();
            }
        }
        return null;
    }

    /** Every operation under /api/ of the running document, with its label ("GET /api/v1/…"). */
    private static void operations(BiConsumer<String, JsonNode> each) throws IOException {
        JsonNode paths = JSON.readTree(running).path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                if (path.getValue().has(method)) {
                    each.accept(method.toUpperCase(Locale.ROOT) + " " + path.getKey(), path.getValue().get(method));
                }
            }
        }
    }

    @Test
    void thePlatformBreaksNothingInTheCommittedContract() throws IOException {
        assertTrue(Files.exists(CONTRACT), "no committed contract; " + REGENERATE);
        ApiContract.Changes changes = ApiContract.compare(committed(), running, LocalDate.now());
        if (!changes.breaking().isEmpty()) {
            System.out.println(changes.report());
        }
        assertEquals(List.of(), changes.breaking(), "changes that break clients of docs/api/openapi.json (see"
                + " docs/api/README.md: deprecate first, remove after the sunset, or publish a new major version)");
    }
}
