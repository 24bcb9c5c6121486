package dk.raaderum.gateway;

import dk.raaderum.platform.infra.Ports;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Stand-ins for the four services, as real HTTP servers on free ports: they echo what reached them (service, path,
 * headers, body size), stream large or slow answers, fail on request, and serve small OpenAPI documents. The
 * idea-bank stand-in starts stopped, so a test can see the gateway cope with a service that is down.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    static final String[] SERVICES = { "proposal-service", "target-service", "followup-service", "idea-bank-service" };
    private static final Vertx VERTX = Vertx.vertx();
    private static final Map<String, Integer> PORTS = new HashMap<>();
    private static final Map<String, HttpServer> SERVERS = new HashMap<>();
    static final AtomicLong OPENAPI_REQUESTS = new AtomicLong();
    /** The JSON that paths ending in /compressible answer, gzipped when the caller asks for it. */
    static final String COMPRESSIBLE = "{\"proposals\":[" + "{\"title\":\"Færre vikarer\"},".repeat(200) + "{}]}";
    /** Requests whose body broke off before its end (the gateway reset them). */
    static final AtomicLong BROKEN_OFF = new AtomicLong();
    /** Requests whose first body bytes arrived. */
    static final AtomicLong BODIES_STARTED = new AtomicLong();
    /** Connections the stand-ins accepted (the gateway keeps a pool of them alive). */
    static final AtomicLong CONNECTIONS = new AtomicLong();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            int port = Ports.freePort();
            PORTS.put(service, port);
            config.put("raaderum.gateway.services." + service + ".url", "http://localhost:" + port);
            if (!service.equals("idea-bank-service")) {
                start(service);
            }
        }
        config.put("raaderum.gateway.services.proposal-service.read-timeout", "1500ms");
        config.put("raaderum.gateway.circuit-breaker.failure-threshold", "3");
        config.put("raaderum.gateway.circuit-breaker.open-duration", "2s");
        config.put("raaderum.gateway.rate-limit.anonymous-per-minute", "60");
        config.put("raaderum.gateway.rate-limit.burst", "20");
        config.put("raaderum.gateway.rate-limit.failed-authentications-burst", "10");
        config.put("raaderum.gateway.openapi.cache-ttl", "0s");
        // above the 20 MiB of the streaming test, low enough for an oversized body in a test
        config.put("raaderum.http.max-body-size", "24M");
        // the test client stands in for a load balancer in front of the gateway
        config.put("raaderum.gateway.trusted-proxies", "127.0.0.0/8,::1/128");
        return config;
    }

    @Override
    public void stop() {
        SERVERS.values().forEach(server -> server.close().toCompletionStage().toCompletableFuture().join());
        SERVERS.clear();
    }

    static synchronized void start(String service) {
        if (SERVERS.containsKey(service)) {
            return;
        }
        HttpServer server = VERTX.createHttpServer().requestHandler(request -> handle(service, request))
                .connectionHandler(connection -> CONNECTIONS.incrementAndGet());
        CompletableFuture<HttpServer> listening = server.listen(PORTS.get(service), "localhost")
                .toCompletionStage().toCompletableFuture();
        try {
            SERVERS.put(service, listening.get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("Fake " + service + " did not start", e);
        }
    }

    static synchronized void stop(String service) {
        HttpServer server = SERVERS.remove(service);
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static void handle(String service, HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/q/health/ready")) {
            request.response().end("{\"status\":\"UP\"}");
        } else if (path.equals("/q/openapi")) {
            OPENAPI_REQUESTS.incrementAndGet();
            request.response().putHeader("Content-Type", "application/json").end(openApi(service));
        } else if (path.endsWith("/big")) {
            streamSlowly(request, 10, 1024 * 1024, 150);
        } else if (path.endsWith("/compressible")) {
            compressible(request);
        } else if (path.endsWith("/slow")) {
            VERTX.setTimer(4000, id -> request.response().end("{\"late\":true}"));
        } else if (path.endsWith("/unavailable")) {
            request.response().setStatusCode(503).end();
        } else if (path.endsWith("/read-only") && !request.method().name().equals("GET")) {
            request.response().setStatusCode(405).putHeader("Allow", "GET, HEAD, OPTIONS")
                    .putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("type", "https://raaderum.dk/problems/method-not-allowed")
                            .put("title", "Method not allowed").put("status", 405).put("correlationId", "fake")
                            .put("detail", request.method().name() + " is not supported").encode());
        } else {
            echo(service, request);
        }
    }

    private static void echo(String service, HttpServerRequest request) {
        AtomicLong bytes = new AtomicLong();
        request.handler(chunk -> {
            if (bytes.getAndAdd(chunk.length()) == 0) {
                BODIES_STARTED.incrementAndGet();
            }
        });
        request.exceptionHandler(broken -> BROKEN_OFF.incrementAndGet());
        request.endHandler(done -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            request.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Request-Id", "should-be-replaced-by-the-gateway")
                    .end(new JsonObject().put("service", service).put("method", request.method().name())
                            .put("uri", request.uri()).put("headers", headers).put("bodyBytes", bytes.get()).encode());
        });
    }

    /** As a service does: gzip for a caller that asks for it ({@link #COMPRESSIBLE}), the plain JSON otherwise. */
    private static void compressible(HttpServerRequest request) {
        request.response().putHeader("Content-Type", "application/json");
        String accepted = request.getHeader("Accept-Encoding");
        if (accepted == null || !accepted.contains("gzip")) {
            request.response().end(COMPRESSIBLE);
            return;
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(COMPRESSIBLE.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        request.response().putHeader("Content-Encoding", "gzip").end(Buffer.buffer(zipped.toByteArray()));
    }

    private static void streamSlowly(HttpServerRequest request, int chunks, int size, long pauseMillis) {
        request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
        Buffer chunk = Buffer.buffer(new byte[size]);
        sendChunk(request, chunks, chunk, pauseMillis);
    }

    private static void sendChunk(HttpServerRequest request, int left, Buffer chunk, long pauseMillis) {
        if (left == 0) {
            request.response().end();
            return;
        }
        request.response().write(chunk);
        VERTX.setTimer(pauseMillis, id -> sendChunk(request, left - 1, chunk, pauseMillis));
    }

    private static String openApi(String service) {
        String prefix = switch (service) {
            case "proposal-service" -> "/api/v1/municipalities/{municipalityCode}/catalogs";
            case "target-service" -> "/api/v1/municipalities/{municipalityCode}/targets";
            case "followup-service" -> "/api/v1/open-data/realised-gains";
            default -> "/api/v1/ideas";
        };
        String area = service.equals("target-service") ? "{\"type\":\"object\",\"properties\":{\"budget\":{\"type\":\"integer\"}}}"
                : "{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\"}}}";
        return """
                {"openapi":"3.1.0","info":{"title":"%s","version":"1"},
                 "tags":[{"name":"Things","description":"Things of %s"}],
                 "paths":{"%s":{"get":{"tags":["Things"],"summary":"List","responses":{"200":{"description":"ok",
                   "content":{"application/json":{"schema":{"$ref":"#/components/schemas/AreaView"}}}}}}},
                   "/q/internal":{"get":{"summary":"not for the gateway"}}},
                 "components":{"schemas":{"Problem":{"type":"object"},"AreaView":%s}}}"""
                .formatted(service, service, prefix, area);
    }
}
