package dk.raaderum.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.RoutingContext;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON line per request on the {@code dk.raaderum.gateway.access} logger: request id, subject, municipality,
 * route, upstream, status and latency.
 */
@ApplicationScoped
public class AccessLog {

    public static final String CATEGORY = "dk.raaderum.gateway.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final String SUBJECT = "raaderum.subject";
    private static final String MUNICIPALITY = "raaderum.municipality";
    private static final String CLIENT = "raaderum.client";

    private final ObjectMapper json;

    public AccessLog(ObjectMapper json) {
        this.json = json;
    }

    void identify(RoutingContext ctx, VerifiedTokens.Verified caller) {
        ctx.put(SUBJECT, caller.subject());
        ctx.put(CLIENT, caller.client());
        ctx.put(MUNICIPALITY, caller.municipality());
    }

    void onEnd(RoutingContext ctx, String requestId, RouteTable.Target target, long startedNanos) {
        ctx.addEndHandler(done -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("requestId", requestId);
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
            try {
                LOG.info(json.writeValueAsString(line));
            } catch (JsonProcessingException e) {
                LOG.info(line.toString());
            }
        });
    }
}
