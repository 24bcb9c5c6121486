package dk.raaderum.gateway.proxy;

import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.platform.web.security.VerifiedTokenCache;

import io.quarkus.security.identity.SecurityIdentity;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.util.Optional;

/**
 * Bearer tokens that Quarkus OIDC has verified, remembered until they expire (at most five minutes,
 * {@link VerifiedTokenCache}), as the little the gateway needs of them (subject, municipality, client): a known token
 * skips even the security identity's construction on the gateway's path. The services verify every token themselves.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** The caller as the gateway knows it. */
    public record Verified(String subject, String municipality, String client) {
    }

    private final VerifiedTokenCache<Verified> verified;

    public VerifiedTokens(Clock clock) {
        this.verified = new VerifiedTokenCache<>(clock);
    }

    public Optional<Verified> lookup(String authorization) {
        return verified.lookup(authorization);
    }

    /** Remembers a token Quarkus OIDC accepted. */
    public Verified remember(String authorization, SecurityIdentity identity) {
        JsonWebToken jwt = identity.getPrincipal() instanceof JsonWebToken token ? token : null;
        Verified entry = new Verified(jwt != null && jwt.getSubject() != null ? jwt.getSubject()
                : identity.getPrincipal().getName(), Caller.municipalityOf(identity),
                jwt == null || jwt.getClaim("azp") == null ? null : jwt.getClaim("azp").toString());
        verified.remember(authorization, jwt == null ? 0 : jwt.getExpirationTime(), entry);
        return entry;
    }
}
