package dk.raaderum.gateway.proxy;

import dk.raaderum.platform.web.security.Caller;

import io.quarkus.security.identity.SecurityIdentity;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens that Quarkus OIDC has verified, remembered until they expire (at most five minutes), so a client
 * sending the same token again does not pay for its signature check on every call. Only what the gateway needs is
 * kept (subject, municipality, client); the services verify every token themselves.
 */
@ApplicationScoped
public class VerifiedTokens {

    private static final int MAX_ENTRIES = 20_000;
    private static final long MAX_SECONDS = 300;

    /** The caller as the gateway knows it. */
    public record Verified(String subject, String municipality, String client, long validUntilEpochSecond) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Clock clock;

    public VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    public Optional<Verified> lookup(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        Verified entry = verified.get(authorization);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.validUntilEpochSecond() <= clock.instant().getEpochSecond()) {
            verified.remove(authorization);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** Remembers a token Quarkus OIDC accepted. */
    public Verified remember(String authorization, SecurityIdentity identity) {
        JsonWebToken jwt = identity.getPrincipal() instanceof JsonWebToken token ? token : null;
        long now = clock.instant().getEpochSecond();
        long expires = jwt == null || jwt.getExpirationTime() == 0 ? now : jwt.getExpirationTime();
        Verified entry = new Verified(jwt != null && jwt.getSubject() != null ? jwt.getSubject()
                : identity.getPrincipal().getName(), Caller.municipalityOf(identity),
                jwt == null || jwt.getClaim("azp") == null ? null : jwt.getClaim("azp").toString(),
                Math.min(expires, now + MAX_SECONDS));
        if (authorization != null && entry.validUntilEpochSecond() > now) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(authorization, entry);
        }
        return entry;
    }

    int size() {
        return verified.size();
    }
}
