package dk.raaderum.systemtest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector as far as the system tests need one: OTLP/HTTP with protobuf bodies on
 * {@code /v1/traces}, where every application of the shared platform exports its spans. It keeps only the spans of
 * the traces a test watches (the test starts them with its own traceparent), so the other tests' traffic costs no
 * memory.
 */
final class OtlpReceiver implements AutoCloseable {

    /**
     * One received span: the exporting application (its service.name), where it sits in its trace, the HTTP status it
     * answered (0 if none), and its events: those it carries and those the application's limits dropped.
     */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind,
            long httpStatus, int events, int droppedEvents) {
    }

    private final HttpServer server;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final Map<String, List<ReceivedSpan>> spans = new ConcurrentHashMap<>();
    private final AtomicLong exports = new AtomicLong();
    private volatile String lastFailure = "none";

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", receiver::handle);
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL the applications export to (QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT). */
    String tracesEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /** Keeps the spans of this trace from now on. */
    void watch(String traceId) {
        watched.add(traceId);
    }

    List<ReceivedSpan> spans(String traceId) {
        return List.copyOf(spans.getOrDefault(traceId, List.of()));
    }

    /** What arrived so far, for a failing test's message. */
    String status() {
        return exports.get() + " export(s) received, last failure: " + lastFailure;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exports.incrementAndGet();
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            try {
                ExportTraceServiceRequest.parseFrom(body(exchange)).getResourceSpansList().forEach(this::keep);
            } catch (IOException | RuntimeException | Error e) {
                lastFailure = e.toString();
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(exchange.getRequestBody())
                : exchange.getRequestBody();
    }

    private void keep(ResourceSpans resourceSpans) {
        String service = resourceSpans.getResource().getAttributesList().stream()
                .filter(attribute -> attribute.getKey().equals("service.name"))
                .map(KeyValue::getValue).map(value -> value.getStringValue()).findFirst().orElse("?");
        for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
            for (var span : scope.getSpansList()) {
                String traceId = hex(span.getTraceId().toByteArray());
                if (watched.contains(traceId)) {
                    spans.computeIfAbsent(traceId, id -> new CopyOnWriteArrayList<>()).add(new ReceivedSpan(service,
                            traceId, hex(span.getSpanId().toByteArray()), hex(span.getParentSpanId().toByteArray()),
                            span.getName(), span.getKind().name(), httpStatus(span.getAttributesList()),
                            span.getEventsCount(), span.getDroppedEventsCount()));
                }
            }
        }
    }

    private static long httpStatus(List<KeyValue> attributes) {
        return attributes.stream().filter(attribute -> attribute.getKey().equals("http.response.status_code"))
                .mapToLong(attribute -> attribute.getValue().getIntValue()).findFirst().orElse(0);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
