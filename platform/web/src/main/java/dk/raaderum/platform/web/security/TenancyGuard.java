package dk.raaderum.platform.web.security;

import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.problem.ProblemTypes;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;

/**
 * The tenancy rule, in one place: a resource under {@code /municipalities/{municipalityCode}/} belongs to that
 * municipality. The code must be one of the 98 (else 404), and the caller's {@code municipality} claim must equal
 * it (else 403), unless the method allows the caller's role across municipalities ({@link CrossMunicipality}).
 * {@link PermitAll} resources only get the code check.
 */
public class TenancyGuard {

    /** The path parameter every municipal resource uses. */
    public static final String MUNICIPALITY_CODE = "municipalityCode";

    private final CurrentIdentityAssociation identities;

    public TenancyGuard(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> check(ContainerRequestContext request, ResourceInfo resource) {
        String code = request.getUriInfo().getPathParameters().getFirst(MUNICIPALITY_CODE);
        if (code == null) {
            return Uni.createFrom().nullItem();
        }
        if (!Municipalities.exists(code)) {
            throw new ProblemException(ProblemTypes.UNKNOWN_MUNICIPALITY,
                    "'" + code + "' is not the code of a Danish municipality", Map.of("municipality", code),
                    java.util.List.of());
        }
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method != null && (method.isAnnotationPresent(PermitAll.class)
                || (type != null && type.isAnnotationPresent(PermitAll.class)))) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            enforce(identity, code, crossRoles(method, type));
            return null;
        });
    }

    static void enforce(SecurityIdentity identity, String code, String[] crossRoles) {
        if (identity == null || identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        String claimed = Caller.municipalityOf(identity);
        if (code.equals(claimed)) {
            return;
        }
        if (Arrays.stream(crossRoles).anyMatch(identity::hasRole)) {
            return;
        }
        throw new ProblemException(ProblemTypes.WRONG_MUNICIPALITY,
                claimed == null
                        ? "Your token has no municipality claim; this resource belongs to municipality " + code
                        : "Your token is for municipality " + claimed + "; this resource belongs to municipality " + code,
                Map.of("municipality", code), java.util.List.of());
    }

    private static String[] crossRoles(Method method, Class<?> type) {
        CrossMunicipality onMethod = method == null ? null : method.getAnnotation(CrossMunicipality.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        CrossMunicipality onType = type == null ? null : type.getAnnotation(CrossMunicipality.class);
        return onType != null ? onType.value() : new String[0];
    }
}
