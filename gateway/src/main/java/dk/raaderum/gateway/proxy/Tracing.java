package dk.raaderum.gateway.proxy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** W3C trace context (traceparent) as the gateway hands it on. */
final class Tracing {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tracing() {
    }

    /**
     * The gateway's own span of this request (OpenTelemetry's server span: a child of the caller's traceparent, or a
     * new trace); with the SDK disabled, the caller's traceparent when valid (version 00, non-zero ids), otherwise a
     * new sampled trace. The upstream call's client span replaces it on the way on, in the same trace.
     */
    static String traceparent(String offered) {
        SpanContext current = Span.current().getSpanContext();
        if (current.isValid()) {
            return "00-" + current.getTraceId() + "-" + current.getSpanId() + "-" + current.getTraceFlags().asHex();
        }
        if (offered != null) {
            var m = TRACEPARENT.matcher(offered.trim());
            if (m.matches() && !m.group(1).equals("0".repeat(32)) && !m.group(2).equals("0".repeat(16))) {
                return offered.trim();
            }
        }
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        return "00-" + HexFormat.of().formatHex(trace) + "-" + HexFormat.of().formatHex(span) + "-01";
    }
}
