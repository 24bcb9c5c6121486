package dk.raaderum.gateway.proxy;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** W3C trace context (traceparent) as the gateway hands it on. */
final class Tracing {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tracing() {
    }

    /** The caller's traceparent when valid (version 00, non-zero ids), otherwise a new sampled trace. */
    static String traceparent(String offered) {
        if (offered != null) {
            var m = TRACEPARENT.matcher(offered.trim());
            if (m.matches() && !m.group(1).equals("0".repeat(32)) && !m.group(2).equals("0".repeat(16))) {
                return offered.trim();
            }
        }
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        return "00-" + HexFormat.of().formatHex(trace) + "-" + HexFormat.of().formatHex(span) + "-01";
    }
}
