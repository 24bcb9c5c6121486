package dk.raaderum.gateway.proxy;

import dk.raaderum.gateway.config.GatewayConfig;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who called, and the {@code X-Forwarded-*} headers the services build their links from. The gateway believes the
 * forwarded headers of the proxies in {@code raaderum.gateway.trusted-proxies} only: from anyone else they are replaced,
 * so a caller cannot pose as another address (and escape its rate limit) or make the services link to another host.
 * The services in turn believe only the gateway (their {@code quarkus.http.proxy.trusted-proxies}).
 */
@ApplicationScoped
public class Forwarding {

    static final String FOR = "X-Forwarded-For";
    static final String PROTO = "X-Forwarded-Proto";
    static final String HOST = "X-Forwarded-Host";
    static final String PORT = "X-Forwarded-Port";
    static final String PREFIX = "X-Forwarded-Prefix";
    static final String FORWARDED = "Forwarded";
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F.:]+");

    private final List<Range> trusted;

    @Inject
    public Forwarding(GatewayConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    Forwarding(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Range::parse).toList();
    }

    /** The caller's address: the socket's peer, or behind trusted proxies the right-most untrusted forwarded one. */
    public String clientAddress(HttpServerRequest request) {
        return clientAddress(peer(request), request.getHeader(FOR));
    }

    String clientAddress(String peer, String forwardedFor) {
        if (!isTrusted(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!isTrusted(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    /**
     * The forwarded headers for the upstream: a trusted proxy's are kept and the peer is appended to
     * {@code X-Forwarded-For}; anyone else's are replaced by what the gateway saw (its scheme, the Host the caller
     * used, its port). The paths are the same at the gateway and the services, so there is no prefix to forward.
     */
    public void apply(HttpServerRequest request, MultiMap upstreamHeaders) {
        String peer = peer(request);
        boolean trustedPeer = isTrusted(peer);
        String host = request.authority() == null ? null : request.authority().toString();
        String proto = request.scheme();
        String port = request.authority() != null && request.authority().port() > 0
                ? Integer.toString(request.authority().port()) : "https".equals(proto) ? "443" : "80";
        MultiMap incoming = request.headers();
        String forwardedFor = incoming.get(FOR);
        upstreamHeaders.set(FOR, trustedPeer && forwardedFor != null ? forwardedFor + ", " + peer : peer);
        upstreamHeaders.set(PROTO, keep(trustedPeer, incoming.get(PROTO), proto));
        setOrRemove(upstreamHeaders, HOST, keep(trustedPeer, incoming.get(HOST), host));
        upstreamHeaders.set(PORT, keep(trustedPeer, incoming.get(PORT), port));
        if (!trustedPeer) {
            upstreamHeaders.remove(PREFIX).remove(FORWARDED);
        }
    }

    boolean isTrusted(String address) {
        if (address == null || trusted.isEmpty() || !LITERAL.matcher(address).matches()) {
            return false;
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            return trusted.stream().anyMatch(range -> range.contains(parsed));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String peer(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().host();
    }

    private static String keep(boolean trustedPeer, String forwarded, String own) {
        return trustedPeer && forwarded != null && !forwarded.isBlank() ? forwarded : own;
    }

    private static void setOrRemove(MultiMap headers, String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.set(name, value);
        }
    }

    /** An IP address or a CIDR range of them. */
    record Range(byte[] network, int prefixBits) {

        static Range parse(String text) {
            String[] parts = text.split("/", 2);
            if (!LITERAL.matcher(parts[0].replaceAll("[\\[\\]]", "")).matches()) {
                throw new IllegalArgumentException("A trusted proxy is an IP address or a CIDR range, not " + text);
            }
            try {
                byte[] address = InetAddress.getByName(parts[0].replaceAll("[\\[\\]]", "")).getAddress();
                int bits = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : address.length * 8;
                return new Range(address, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("Not an IP address or CIDR range: " + text, e);
            }
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
