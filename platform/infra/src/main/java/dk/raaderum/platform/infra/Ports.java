package dk.raaderum.platform.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Small helpers around local TCP ports. */
public final class Ports {

    private Ports() {
    }

    /** A port that was free a moment ago on the loopback interface. */
    public static int freePort() {
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
