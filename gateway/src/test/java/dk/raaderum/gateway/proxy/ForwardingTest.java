package dk.raaderum.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

/** Whose X-Forwarded-For the gateway believes, and which address is the caller's. */
class ForwardingTest {

    private final Forwarding behindBalancer = new Forwarding(List.of("10.0.0.0/8", "192.0.2.10", "::1/128"));
    private final Forwarding atTheEdge = new Forwarding(List.of());

    @Test
    void withoutTrustedProxiesTheSocketsPeerIsTheCaller() {
        assertEquals("10.1.2.3", atTheEdge.clientAddress("10.1.2.3", "203.0.113.9"));
    }

    @Test
    void anUntrustedPeerCannotPoseAsAnotherAddress() {
        assertEquals("198.51.100.4", behindBalancer.clientAddress("198.51.100.4", "203.0.113.9"));
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedAddressIsTheCaller() {
        assertEquals("203.0.113.9", behindBalancer.clientAddress("10.1.2.3", "203.0.113.9"));
        // the caller wrote the first entry itself; the balancer appended the address it saw
        assertEquals("203.0.113.9", behindBalancer.clientAddress("10.1.2.3", "6.6.6.6, 203.0.113.9, 10.9.9.9"));
        assertEquals("10.1.2.3", behindBalancer.clientAddress("10.1.2.3", null));
    }

    @Test
    void rangesAndSingleAddresses() {
        assertTrue(behindBalancer.isTrusted("10.255.0.1"));
        assertTrue(behindBalancer.isTrusted("192.0.2.10"));
        assertTrue(behindBalancer.isTrusted("0:0:0:0:0:0:0:1"));
        assertFalse(behindBalancer.isTrusted("192.0.2.11"));
        assertFalse(behindBalancer.isTrusted("11.0.0.1"));
        assertFalse(behindBalancer.isTrusted("localhost"));
        assertThrows(IllegalArgumentException.class, () -> new Forwarding(List.of("gateway.internal")));
    }
}
