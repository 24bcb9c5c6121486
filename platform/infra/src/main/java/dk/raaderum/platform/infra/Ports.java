package dk.raaderum.platform.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Small helpers around local TCP ports. */
public final class Ports {

    private Ports() {
    }

    /** The lowest port {@link #freePort} picks. */
    static final int FIRST = 20_000;
    /** Below the ephemeral range of Linux (32768–60999 by default), macOS and Windows (49152–65535). */
    static final int LAST = 32_767;
    private static final Path EPHEMERAL_RANGE = ProcFiles.ROOT.resolve("sys/net/ipv4/ip_local_port_range");

    /**
     * A port that was free a moment ago, for a server that binds it later (another process, often seconds later). It
     * is picked at random from {@value #FIRST}–{@value #LAST}, below the ephemeral range the kernel takes the local
     * ports of outgoing connections from: a port the kernel had handed out for a bind to port 0 could be taken by any
     * connection in between (a broker's, a database client's) and the server's bind would fail. Only where the
     * ephemeral range reaches below {@value #LAST} (a tuned Linux) is the kernel's choice taken, as before.
     */
    public static int freePort() {
        int last = Math.min(LAST, ephemeralStart() - 1);
        if (last - FIRST >= 1_000) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int attempt = 0; attempt < 100; attempt++) {
                int port = random.nextInt(FIRST, last + 1);
                if (isFree(port)) {
                    return port;
                }
            }
        }
        return kernelsChoice();
    }

    /** The first port of the kernel's ephemeral range; Linux's default where it cannot be read. */
    static int ephemeralStart() {
        try {
            return ProcFiles.firstLine(EPHEMERAL_RANGE).map(line -> Integer.parseInt(line.trim().split("\\s+")[0]))
                    .orElse(LAST + 1);
        } catch (NumberFormatException e) {
            return LAST + 1;
        }
    }

    private static int kernelsChoice() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new InfraException("Could not find a free TCP port: " + e.getMessage(), e);
        }
    }

    /**
     * True when nothing listens on the port, on loopback or on the wildcard address. Connections of a stopped
     * server still in TIME_WAIT do not count (servers bind with SO_REUSEADDR, so does this check).
     */
    public static boolean isFree(int port) {
        for (InetSocketAddress address : new InetSocketAddress[] {
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), new InetSocketAddress(port) }) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(address);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Fails with a clear message when the port is taken. */
    public static void requireFree(int port, String purpose) {
        if (!isFree(port)) {
            throw new InfraException("Port " + port + " (" + purpose + ") is already in use. Stop whatever listens there"
                    + " (for example: `ss -ltnp 'sport = :" + port + "'` shows it) or choose another port.");
        }
    }
}
