package dk.raaderum.platform.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.problem.ProblemTypes;
import dk.raaderum.platform.web.request.RequestIds;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;

/**
 * The platform's one body-size limit ({@code raaderum.http.max-body-size}, which sets Quarkus'
 * {@code quarkus.http.limits.max-body-size} in every application, the gateway included), answered as a 413
 * {@code content-too-large} problem: at once when {@code Content-Length} says so, before anything reads the body, and
 * when a chunked body grows past it while it is read. The connection is closed after the answer, so the rest of the
 * body is never read.
 */
@ApplicationScoped
public class BodyLimit {

    /** Runs before every other route, the gateway's proxy included. */
    public static final int ROUTE_ORDER = -1_000;

    private final long maxBytes;
    private final ObjectMapper json;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper json) {
        this.maxBytes = maxBodySize.asLongValue();
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::checkDeclaredLength);
        router.errorHandler(413, ctx -> send(ctx, RequestIds.acceptOrNew(ctx.request().getHeader(RequestIds.HEADER))));
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Is a body of {@code bytes} over the limit? */
    public boolean exceeded(long bytes) {
        return bytes > maxBytes;
    }

    /** The declared length, or -1 when the body is chunked or the header is not a number. */
    public static long declaredLength(io.vertx.core.http.HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public String detail() {
        return "The request body is larger than " + readable(maxBytes) + ", the platform's limit; send a smaller body";
    }

    /** Answers 413 problem+json (unless an answer has begun) and closes the connection. */
    public void send(RoutingContext ctx, String requestId) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        Problem problem = new Problem(ProblemTypes.CONTENT_TOO_LARGE.uri(), ProblemTypes.CONTENT_TOO_LARGE.title(), 413,
                detail(), ctx.request().path(), requestId, List.of(), Map.of("maxBytes", maxBytes));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            body = "{}";
        }
        response.setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId).putHeader(HttpHeaders.CONNECTION, "close").end(body)
                .onComplete(sent -> {
                    if (ctx.request().version() != HttpVersion.HTTP_2) {
                        ctx.request().connection().close(); // the rest of the body is never read
                    }
                });
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        if (exceeded(declaredLength(ctx.request()))) {
            send(ctx, RequestIds.acceptOrNew(ctx.request().getHeader(RequestIds.HEADER)));
            return;
        }
        ctx.next();
    }

    static String readable(long bytes) {
        if (bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
}
