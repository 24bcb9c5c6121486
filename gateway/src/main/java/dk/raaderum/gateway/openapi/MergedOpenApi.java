package dk.raaderum.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.raaderum.gateway.config.GatewayConfig;
import dk.raaderum.gateway.proxy.RouteTable;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The services' OpenAPI documents merged into one for the frontend team: every path of every service that the
 * gateway routes, operations tagged "&lt;service&gt; – &lt;tag&gt;", schemas whose names clash renamed
 * "&lt;Service&gt;_&lt;Name&gt;" (references rewritten), one bearer security scheme, and the gateway as the server.
 * Services that do not answer are listed in {@code x-unavailable-services}. Cached for {@code cache-ttl}.
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);

    private final RouteTable routes;
    private final GatewayConfig.OpenApi config;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile ObjectNode cached;
    private volatile Instant cachedAt = Instant.MIN;

    public MergedOpenApi(RouteTable routes, GatewayConfig config, ObjectMapper json, Clock clock) {
        this.routes = routes;
        this.config = config.openapi();
        this.json = json;
        this.clock = clock;
    }

    public synchronized ObjectNode document(String requestBaseUrl) {
        Instant now = clock.instant();
        if (cached == null || now.isAfter(cachedAt.plus(config.cacheTtl()))) {
            cached = merge();
            cachedAt = now;
        }
        ObjectNode document = cached.deepCopy();
        ArrayNode servers = document.putArray("servers");
        servers.addObject().put("url", config.serverUrl().orElse(requestBaseUrl)).put("description", "Råderum gateway");
        return document;
    }

    ObjectNode merge() {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.1.0");
        merged.putObject("info").put("title", "Råderum API").put("version", "1.0.0")
                .put("description", "All services of the Råderum platform through the gateway. Authenticate with an"
                        + " access token of the raaderum realm (Authorization: Bearer …); errors are RFC 9457"
                        + " problem+json.");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = json.createObjectNode();
        ArrayNode tags = merged.putArray("tags");
        List<String> unavailable = new ArrayList<>();
        for (RouteTable.Target upstream : routes.upstreams()) {
            JsonNode document = fetch(upstream);
            if (document == null) {
                unavailable.add(upstream.service());
                continue;
            }
            JsonNode rewritten = addSchemas(upstream, document, schemas);
            for (JsonNode tag : rewritten.path("tags")) {
                ObjectNode copy = tag.deepCopy();
                copy.put("name", upstream.service() + " – " + tag.path("name").asText());
                tags.add(copy);
            }
            addPaths(upstream, rewritten, paths);
        }
        ObjectNode components = merged.putObject("components");
        components.set("schemas", schemas);
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("bearerFormat", "JWT").put("description", "Access token of the raaderum realm");
        merged.putArray("security").addObject().putArray("bearer");
        if (!unavailable.isEmpty()) {
            ArrayNode missing = merged.putArray("x-unavailable-services");
            unavailable.forEach(missing::add);
        }
        return merged;
    }

    /**
     * The service's schemas added to {@code schemas}; one whose name another service already gave a different schema
     * is renamed {@code <Service>_<name>}. Answers the service's document with its references to renamed schemas
     * rewritten.
     */
    private JsonNode addSchemas(RouteTable.Target upstream, JsonNode document, ObjectNode schemas) {
        String prefix = pascal(upstream.service());
        Map<String, String> renames = new java.util.HashMap<>();
        JsonNode serviceSchemas = document.path("components").path("schemas");
        for (Iterator<String> names = serviceSchemas.fieldNames(); names.hasNext();) {
            String name = names.next();
            JsonNode schema = serviceSchemas.get(name);
            if (schemas.has(name) && !schemas.get(name).equals(schema)) {
                renames.put(name, prefix + "_" + name);
            }
        }
        JsonNode rewritten = rewriteRefs(document, renames);
        JsonNode rewrittenSchemas = rewritten.path("components").path("schemas");
        for (Iterator<String> names = rewrittenSchemas.fieldNames(); names.hasNext();) {
            String name = names.next();
            schemas.set(renames.getOrDefault(name, name), rewrittenSchemas.get(name));
        }
        return rewritten;
    }

    /** The service's API paths that the gateway routes to it, each operation tagged with the service's name. */
    private void addPaths(RouteTable.Target upstream, JsonNode document, ObjectNode paths) {
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/") || routes.match(path.getKey().replaceAll("\\{[^}]+}", "x"))
                    .filter(t -> t.service().equals(upstream.service())).isEmpty()) {
                continue;
            }
            ObjectNode operations = path.getValue().deepCopy();
            operations.fields().forEachRemaining(operation -> {
                if (operation.getValue() instanceof ObjectNode op) {
                    ArrayNode opTags = json.createArrayNode();
                    op.path("tags").forEach(t -> opTags.add(upstream.service() + " – " + t.asText()));
                    if (opTags.isEmpty()) {
                        opTags.add(upstream.service());
                    }
                    op.set("tags", opTags);
                }
            });
            paths.set(path.getKey(), operations);
        }
    }

    private JsonNode fetch(RouteTable.Target upstream) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                    upstream.baseUri().toString().replaceAll("/$", "") + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warnf("OpenAPI of %s answered %d", upstream.service(), response.statusCode());
                return null;
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            LOG.warnf("OpenAPI of %s is unavailable: %s", upstream.service(), e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private JsonNode rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        rewrite(copy, renames);
        return copy;
    }

    private static void rewrite(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/schemas/")) {
                String name = ref.asText().substring("#/components/schemas/".length());
                if (renames.containsKey(name)) {
                    object.put("$ref", "#/components/schemas/" + renames.get(name));
                }
            }
            object.forEach(child -> rewrite(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewrite(child, renames));
        }
    }

    private static String pascal(String service) {
        StringBuilder out = new StringBuilder();
        for (String part : service.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
