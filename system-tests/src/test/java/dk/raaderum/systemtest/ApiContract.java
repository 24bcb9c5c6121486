package dk.raaderum.systemtest;

import dk.raaderum.platform.web.http.Deprecations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.ComposedChanged;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The API contract of docs/api/openapi.json (see docs/api/README.md): the gateway's merged OpenAPI document in a stable
 * form, and the changes between two versions of it that break a client.
 */
final class ApiContract {

    /** The extension that dates a deprecated operation's removal (ISO date), as its {@code Sunset} header does. */
    static final String SUNSET = Deprecations.SUNSET;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /**
     * openapi-diff's rules, but a new enum value in a response is compatible: clients tolerate values they do not know
     * (docs/api/README.md), so a new warning code or status is not a new version.
     */
    private static final OpenApiDiffOptions RULES = OpenApiDiffOptions.builder()
            .configProperty("incompatible.response.enum.increased", "false").build();

    private ApiContract() {
    }

    /**
     * The document with every object's keys sorted and without {@code servers} (the address it was fetched from), so
     * that two fetches of the same API are the same text.
     */
    static String stable(String document) {
        try {
            JsonNode tree = JSON.readTree(document);
            if (tree instanceof ObjectNode root) {
                root.remove("servers");
            }
            return JSON.writeValueAsString(sorted(tree)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON document: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            new TreeSet<>(iterable(object)).forEach(name -> copy.set(name, sorted(object.get(name))));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private static List<String> iterable(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** What changed from {@code committed} to {@code running}, and which of it breaks a client. */
    record Changes(List<String> breaking, List<String> allowed, String report) {
    }

    /**
     * The changes that break a client of {@code committed}: a removed operation, and an operation changed
     * incompatibly as openapi-diff judges it (a new required field or parameter in a request, a removed enum value in
     * a request, a changed type, a removed response…) or by a field removed from a response (openapi-diff lets an
     * optional one go). Allowed anyway: the removal of an operation that the committed
     * contract marks deprecated with an {@value #SUNSET} date that has passed, and any change that comes with a new
     * major version of the API ({@code info.version}).
     */
    static Changes compare(String committed, String running, LocalDate today) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(committed, running, null, RULES);
        boolean newMajor = major(running) > major(committed);
        List<String> breaking = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        for (Endpoint removed : diff.getMissingEndpoints()) {
            String label = "removed " + label(removed.getMethod().name(), removed.getPathUrl());
            boolean sunsetPassed = removed.getOperation().getDeprecated() == Boolean.TRUE
                    && removed.getOperation().getExtensions() != null
                    && removed.getOperation().getExtensions().get(SUNSET) instanceof String sunset
                    && !LocalDate.parse(sunset).isAfter(today);
            (newMajor || sunsetPassed ? allowed : breaking).add(label);
        }
        for (ChangedOperation changed : diff.getChangedOperations()) {
            if (changed.isChanged().isIncompatible() || removesResponseField(changed)) {
                String label = "changed incompatibly " + label(changed.getHttpMethod().name(), changed.getPathUrl());
                (newMajor ? allowed : breaking).add(label);
            }
        }
        return new Changes(breaking, allowed, breaking.isEmpty() && allowed.isEmpty() ? "" : markdown(diff));
    }

    /** True when a schema somewhere in the operation's responses lost a property. */
    private static boolean removesResponseField(Changed changed) {
        if (changed instanceof ChangedSchema schema && schema.getContext() != null && schema.getContext().isResponse()
                && !schema.getMissingProperties().isEmpty()) {
            return true;
        }
        return changed instanceof ComposedChanged composed && composed.getChangedElements().stream()
                .anyMatch(element -> element != null && removesResponseField(element));
    }

    private static String label(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    private static int major(String document) {
        try {
            String version = JSON.readTree(document).path("info").path("version").asText("0");
            return Integer.parseInt(version.split("\\.")[0]);
        } catch (JsonProcessingException | NumberFormatException e) {
            return 0;
        }
    }

    private static String markdown(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (java.io.IOException e) {
            return "(no report: " + e.getMessage() + ")";
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
