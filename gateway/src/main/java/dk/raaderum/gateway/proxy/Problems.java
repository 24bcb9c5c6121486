package dk.raaderum.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.problem.ProblemType;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** RFC 9457 problems answered by the gateway itself (the platform's Problem record, on the Vert.x level). */
@ApplicationScoped
public class Problems {

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    public void send(RoutingContext ctx, ProblemType type, String detail, String requestId, Map<String, Object> extra) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, ctx.request().path(), requestId,
                List.of(), extra);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{}";
        }
        response.setStatusCode(type.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
