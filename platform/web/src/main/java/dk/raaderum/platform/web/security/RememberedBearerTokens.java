package dk.raaderum.platform.web.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.util.Optional;

/**
 * Bearer tokens are verified by Quarkus OIDC (signature, issuer, audience, lifetime) the first time they are seen and
 * then remembered until they expire, at most five minutes ({@link VerifiedTokenCache}): a client calling with the same
 * token does not pay for parsing and checking it on every request (a quarter of proposal-service's CPU for a budget
 * simulation). Asked before OIDC's own provider (a higher priority); a token it does not know goes to OIDC, and only
 * an identity OIDC accepted is remembered. A remembered identity is handed out as a copy that carries the current
 * request's routing context, as OIDC would have built it (a request without one, not over HTTP, is always verified).
 * Like OIDC's local verification it cannot see a token revoked at Keycloak before its {@code exp}; a signing key
 * Keycloak withdraws stops being trusted when the token expires.
 * Metric: {@code raaderum.security.tokens.verified} (tokens OIDC verified, so a cache miss).
 */
@ApplicationScoped
public class RememberedBearerTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** Above OIDC's provider (the default priority, {@code SYSTEM_FIRST + 1}): asked first. */
    static final int PRIORITY = IdentityProvider.SYSTEM_FIRST + 2;

    private final OidcIdentityProvider oidc;
    /** The verifier's clock: token lifetimes are real time, whatever clock the application's logic runs on. */
    private final VerifiedTokenCache<SecurityIdentity> verified = new VerifiedTokenCache<>(Clock.systemUTC());
    private final Counter verifications;

    public RememberedBearerTokens(OidcIdentityProvider oidc, MeterRegistry registry) {
        this.oidc = oidc;
        this.verifications = Counter.builder("raaderum.security.tokens.verified")
                .description("Bearer tokens verified by OIDC (not found among the tokens verified before)")
                .register(registry);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        Optional<SecurityIdentity> known = http == null ? Optional.empty() : verified.lookup(token);
        if (known.isPresent()) {
            return Uni.createFrom().item(forRequest(known.get(), http));
        }
        verifications.increment();
        return oidc.authenticate(request, context).invoke(identity -> remember(token, identity));
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            verified.remember(token, jwt.getExpirationTime(), identity);
        }
    }

    /** The remembered identity with this request's routing context in place of the one it was verified in. */
    private static SecurityIdentity forRequest(SecurityIdentity identity, RoutingContext request) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        OidcUtils.setRoutingContextAttribute(builder, request);
        OidcUtils.setBlockingApiAttribute(builder, request);
        return builder.build();
    }
}
