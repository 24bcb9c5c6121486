package dk.raaderum.gateway.proxy;

import dk.raaderum.gateway.config.GatewayConfig;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which upstream serves a path: the configured routes, first match wins. */
@ApplicationScoped
public class RouteTable {

    /** A matched route: the upstream's name and base URI, its timeouts, and whether it is public. */
    public record Target(String service, URI baseUri, GatewayConfig.Service settings, boolean publicAccess,
            String pattern) {
    }

    private record Entry(String[] segments, String pattern, Target target) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public RouteTable(GatewayConfig config) {
        for (GatewayConfig.Route route : config.routes()) {
            GatewayConfig.Service service = config.services().get(route.service());
            if (service == null) {
                throw new IllegalStateException("Route to unknown service '" + route.service() + "'; known: "
                        + config.services().keySet());
            }
            URI base = URI.create(service.url());
            for (String pattern : route.paths()) {
                entries.add(new Entry(segments(pattern), pattern,
                        new Target(route.service(), base, service, route.publicAccess(), pattern)));
            }
        }
    }

    public Optional<Target> match(String path) {
        String[] request = segments(path);
        for (Entry entry : entries) {
            if (matches(entry.segments(), request)) {
                return Optional.of(entry.target());
            }
        }
        return Optional.empty();
    }

    /** The distinct upstreams with their base URIs (for readiness and the merged API description). */
    public List<Target> upstreams() {
        List<Target> distinct = new ArrayList<>();
        for (Entry entry : entries) {
            if (distinct.stream().noneMatch(t -> t.service().equals(entry.target().service()))) {
                distinct.add(entry.target());
            }
        }
        return distinct;
    }

    private static boolean matches(String[] pattern, String[] path) {
        if (pattern.length > path.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    private static String[] segments(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
