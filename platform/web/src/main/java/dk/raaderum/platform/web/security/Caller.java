package dk.raaderum.platform.web.security;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as services need it for rules and audit trails: a stable id, a display name, the municipality
 * and the roles. Read from the validated access token.
 */
@RequestScoped
public class Caller {

    /** The token claim that binds a user or a machine client to one municipality. */
    public static final String MUNICIPALITY_CLAIM = "municipality";
    /** The token claim with a politician's party. */
    public static final String PARTY_CLAIM = "party";
    private static final String NAME_CLAIM = "name";
    private static final String USERNAME_CLAIM = "preferred_username";
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The token subject (Keycloak user or service-account id); "anonymous" without a token. */
    public String id() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        JsonWebToken jwt = jwt(identity);
        if (jwt != null && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /** preferred_username, else name, else the subject: for audit lines a person can read. */
    public String displayName() {
        JsonWebToken jwt = jwt(identity);
        if (jwt != null) {
            String name = text(claimValue(jwt, NAME_CLAIM));
            if (name != null && !name.isBlank()) {
                return name;
            }
            String username = text(claimValue(jwt, USERNAME_CLAIM));
            if (username != null && !username.isBlank()) {
                return username;
            }
        }
        return id();
    }

    public String username() {
        JsonWebToken jwt = jwt(identity);
        String username = text(claimValue(jwt, USERNAME_CLAIM));
        return username != null ? username : identity.getPrincipal().getName();
    }

    public Optional<String> municipality() {
        return Optional.ofNullable(municipalityOf(identity));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /** True for another system calling with client credentials (a Keycloak service account). */
    public boolean isMachine() {
        return username() != null && username().startsWith(SERVICE_ACCOUNT_PREFIX);
    }

    /** The political party of a politician (token claim {@code party}). */
    public Optional<String> party() {
        return claim(PARTY_CLAIM).filter(party -> !party.isBlank());
    }

    /** The caller as services record and judge it. */
    public Actor actor() {
        return new Actor(id(), displayName(), municipality().orElse(null), party().orElse(null), roles(), isMachine());
    }

    /** A string claim of the token, if any. */
    public Optional<String> claim(String name) {
        return Optional.ofNullable(text(claimValue(jwt(identity), name)));
    }

    /** The caller's municipality claim (or identity attribute), without quotes; null when it has none. */
    public static String municipalityOf(SecurityIdentity identity) {
        Object claim = claimValue(jwt(identity), MUNICIPALITY_CLAIM);
        if (claim == null) {
            claim = identity.getAttribute(MUNICIPALITY_CLAIM);
        }
        return claim == null ? null : claim.toString().replace("\"", "");
    }

    /**
     * A claim of the token; null without a token or the claim. smallrye-jwt's {@code JsonWebToken.getClaim} first looks
     * the name up among the standard claims with {@code Claims.valueOf}, which throws for every other name and fills in
     * the exception's stack trace: "municipality", "party" and "name" cost several of them on every request. Quarkus
     * OIDC's principal hands out the token's claims (the same values) without that lookup.
     */
    private static Object claimValue(JsonWebToken jwt, String name) {
        if (jwt instanceof OidcJwtCallerPrincipal oidc) {
            return oidc.getClaims().getClaimValue(name);
        }
        return jwt == null ? null : jwt.getClaim(name);
    }

    private static String text(Object claim) {
        return claim == null ? null : claim.toString();
    }

    private static JsonWebToken jwt(SecurityIdentity identity) {
        Principal principal = identity.getPrincipal();
        return principal instanceof JsonWebToken token ? token : null;
    }
}
