package dk.raaderum.platform.web.request;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request has an id: the caller's {@code X-Request-Id} when it is a sane token (the gateway sets one),
 * otherwise a new UUID. It is put in the log context ({@code %X{requestId}}), echoed in the response header
 * and carried as {@code correlationId} in every problem.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String PROPERTY = RequestIds.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true, priority = 10)
    public void assign(ContainerRequestContext request) {
        String id = acceptOrNew(request.getHeaderString(HEADER));
        request.setProperty(PROPERTY, id);
        MDC.put(MDC_KEY, id);
    }

    /** The offered request id when it is a sane token (letters, digits, {@code ._:-}, at most 128), else a new UUID. */
    public static String acceptOrNew(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    /** The id of the current request, or a fresh one outside a request. */
    public static String current(ContainerRequestContext request) {
        Object id = request == null ? null : request.getProperty(PROPERTY);
        if (id != null) {
            return id.toString();
        }
        Object fromLog = MDC.get(MDC_KEY);
        return fromLog != null ? fromLog.toString() : UUID.randomUUID().toString();
    }
}
