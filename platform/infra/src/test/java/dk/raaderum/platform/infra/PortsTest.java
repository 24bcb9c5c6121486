package dk.raaderum.platform.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

class PortsTest {

    @Test
    void aFreePortIsBelowTheEphemeralRangeAndCanBeBound() throws IOException {
        boolean roomBelow = Math.min(Ports.LAST, Ports.ephemeralStart() - 1) - Ports.FIRST >= 1_000;
        for (int i = 0; i < 50; i++) {
            int port = Ports.freePort();
            if (roomBelow) {
                assertTrue(port >= Ports.FIRST && port <= Ports.LAST && port < Ports.ephemeralStart(),
                        port + " is outside " + Ports.FIRST + "–" + Ports.LAST + " or in the ephemeral range");
            }
            try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertFalse(Ports.isFree(port), port + " is taken while bound");
            }
        }
    }
}
