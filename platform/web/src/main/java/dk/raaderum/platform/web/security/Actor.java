package dk.raaderum.platform.web.security;

import java.util.Set;

/**
 * Who does something, as services record it and decide on it: taken from the token by {@link Caller#actor()}, or
 * built by a service for work it does on its own behalf (demo data, scheduled jobs).
 *
 * @param id stable id (token subject)
 * @param name readable name for audit trails
 * @param municipality the municipality the actor belongs to, null for KL
 * @param party the political party, for politicians
 * @param roles realm roles
 * @param machine another system (client credentials), not a person
 */
public record Actor(String id, String name, String municipality, String party, Set<String> roles, boolean machine) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The service itself, e.g. loading demo data or running a scheduled job. */
    public static Actor system(String service, String municipality, String... roles) {
        return new Actor("system:" + service, service, municipality, null, Set.of(roles), true);
    }
}
