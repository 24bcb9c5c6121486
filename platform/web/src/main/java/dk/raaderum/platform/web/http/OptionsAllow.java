package dk.raaderum.platform.web.http;

import dk.raaderum.platform.web.problem.ResourceMethods;

import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Set;

/**
 * An {@code OPTIONS} request (not a CORS preflight, which the HTTP layer answers before) is told the methods served
 * at its path, the same {@code Allow} a 405 there carries ({@link ResourceMethods}), instead of Quarkus REST's fixed
 * list of every method the application has anywhere.
 */
@Singleton
public class OptionsAllow {

    private final ResourceMethods resourceMethods;

    public OptionsAllow(ResourceMethods resourceMethods) {
        this.resourceMethods = resourceMethods;
    }

    @ServerResponseFilter
    public void allow(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod()) || !response.getHeaders().containsKey(HttpHeaders.ALLOW)) {
            return;
        }
        Set<String> allowed = resourceMethods.allowed("/" + request.getUriInfo().getPath().replaceFirst("^/", ""));
        if (!allowed.isEmpty()) {
            response.getHeaders().putSingle(HttpHeaders.ALLOW, String.join(", ", allowed));
        }
    }
}
