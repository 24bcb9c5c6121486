package dk.raaderum.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.RoutingContext;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON line per request on the {@code dk.raaderum.gateway.access} logger: request id, trace and span id (the
 * gateway's span of the request; also in the line's MDC), subject, municipality, route, upstream, status and latency.
 */
@ApplicationScoped
public class AccessLog {

    public static final String CATEGORY = "dk.raaderum.gateway.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final String SUBJECT = "raaderum.subject";
    private static final String MUNICIPALITY = "raaderum.municipality";
    private static final String CLIENT = "raaderum.client";
    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";

    private final ObjectMapper json;

    public AccessLog(ObjectMapper json) {
        this.json = json;
    }

    void identify(RoutingContext ctx, VerifiedTokens.Verified caller) {
        ctx.put(SUBJECT, caller.subject());
        ctx.put(CLIENT, caller.client());
        ctx.put(MUNICIPALITY, caller.municipality());
    }

    void onEnd(RoutingContext ctx, String requestId, String traceparent, RouteTable.Target target, long startedNanos) {
        String traceId = traceparent.substring(3, 35);
        String spanId = traceparent.substring(36, 52);
        ctx.addEndHandler(done -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("requestId", requestId);
            line.put("traceId", traceId);
            line.put("spanId", spanId);
            line.put("method", ctx.request().method().name());
            line.put("path", ctx.request().path());
            line.put("route", target == null ? null : target.pattern());
            line.put("service", target == null ? null : target.service());
            line.put("status", ctx.response().getStatusCode());
            line.put("latencyMs", Math.round((System.nanoTime() - startedNanos) / 10_000.0) / 100.0);
            line.put("subject", ctx.get(SUBJECT));
            line.put("client", ctx.get(CLIENT));
            line.put("municipality", ctx.get(MUNICIPALITY));
            line.put("remote", ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().host());
            line.put("bytesSent", ctx.response().bytesWritten());
            MDC.put(TRACE_ID, traceId);
            MDC.put(SPAN_ID, spanId);
            try {
                LOG.info(json.writeValueAsString(line));
            } catch (JsonProcessingException e) {
                LOG.info(line.toString());
            } finally {
                MDC.remove(TRACE_ID);
                MDC.remove(SPAN_ID);
            }
        });
    }
}
