package dk.raaderum.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;

class PortsTest {

    /** Linux's range starts far above the privileged ports; a misread file (a single byte, "3") must not pass. */
    @Test
    void theEphemeralRangeIsReadWhereLinuxHasOne() {
        if (Files.isReadable(ProcFiles.ROOT.resolve("sys/net/ipv4/ip_local_port_range"))) {
            assertTrue(Ports.ephemeralStart() >= 1024, "ephemeral range read as starting at " + Ports.ephemeralStart());
        } else {
            assertEquals(Ports.LAST + 1, Ports.ephemeralStart());
        }
    }

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
