package dk.raaderum.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** The proxy in front of the test Kafka and PostgreSQL: its port is held from the start, forwarding follows. */
class TcpProxyTest {

    private ServerSocket echo;
    /** Connections the far side accepted. */
    private final AtomicInteger echoed = new AtomicInteger();

    @BeforeEach
    void echoServer() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!echo.isClosed()) {
                try (Socket client = echo.accept()) {
                    echoed.incrementAndGet();
                    client.getOutputStream().write(client.getInputStream().read());
                } catch (IOException closed) {
                    // the test ended
                }
            }
        }, "echo");
        thread.setDaemon(true);
        thread.start();
    }

    @AfterEach
    void stopEcho() throws IOException {
        echo.close();
    }

    @Test
    void aReservedPortIsHeldBeforeTheFarSideIsKnownAndForwardsOnceItIs() throws IOException {
        try (TcpProxy proxy = TcpProxy.reserve()) {
            assertTrue(proxy.port() > 0, "a free port, bound");
            assertThrows(IOException.class, () -> new ServerSocket(proxy.port(), 50, InetAddress.getLoopbackAddress()),
                    "nobody else can take the port meanwhile");
            assertEquals(-1, firstByte(proxy.port()), "no far side yet: the connection is closed");

            proxy.forwardTo("localhost", echo.getLocalPort());
            assertEquals(42, roundTrip(proxy.port()));
        }
    }

    /**
     * Many times, since a socket blocked in accept is closed for good only when its accept returns: a cut that did not
     * wait for that let about one connection in 300 through to the far side.
     */
    @Test
    void aCutRefusesConnectionsAndARestoreTakesTheSamePortAgain() throws IOException {
        try (TcpProxy proxy = TcpProxy.start(0, "localhost", echo.getLocalPort())) {
            int port = proxy.port();
            for (int i = 0; i < 1_000; i++) {
                assertEquals(42, roundTrip(port));
                proxy.cut();
                int before = echoed.get();
                try {
                    roundTrip(port);
                } catch (IOException refused) {
                    // as expected
                }
                assertEquals(before, echoed.get(), "nothing reaches the far side while cut (round " + i + ")");
                proxy.restore();
                assertEquals(port, proxy.port());
            }
        }
    }

    /** Connects and reads without writing (-1: the connection was closed). */
    private static int firstByte(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            return socket.getInputStream().read();
        }
    }

    /** Writes one byte through the port; what comes back (-1: the connection was closed). */
    private static int roundTrip(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(42);
            return socket.getInputStream().read();
        }
    }
}
