package dk.raaderum.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A TCP forwarder on a fixed local port that a test can {@link #cut()} (close every connection and refuse new
 * ones, as a network partition does) and {@link #restore()} on the same port.
 * <p>
 * {@link #reserve()} binds a free port before the far side runs, so the port can be handed out first (a broker
 * advertises it): a port only looked up as free and bound later may be taken meanwhile, e.g. by the far side's own
 * ephemeral listeners.
 */
public final class TcpProxy implements AutoCloseable {

    private int port;
    private volatile String targetHost;
    private volatile int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private ServerSocket server;
    /** The loop accepting on {@link #server}: a socket blocked in accept is closed for good only once it returned. */
    private Future<?> accepting;

    private TcpProxy(int port, String targetHost, int targetPort) {
        this.port = port;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** Forwards {@code port} (0: a free one, bound at once) to the target. */
    public static TcpProxy start(int port, String targetHost, int targetPort) {
        TcpProxy proxy = new TcpProxy(port, targetHost, targetPort);
        proxy.restore();
        return proxy;
    }

    /**
     * Listens on a free port now and forwards once {@link #forwardTo} names the far side; until then a connection is
     * closed at once, as an unreachable peer's would be.
     */
    public static TcpProxy reserve() {
        return start(0, null, 0);
    }

    /** From now on forwards new connections to this target. */
    public TcpProxy forwardTo(String host, int port) {
        this.targetPort = port;
        this.targetHost = host;
        return this;
    }

    public synchronized int port() {
        return port;
    }

    /** Closes every open connection and stops accepting: clients see the far side as unreachable. */
    public synchronized void cut() {
        if (server == null) {
            return;
        }
        closeQuietly(server);
        server = null;
        awaitQuietly(accepting);
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            port = socket.getLocalPort();
            server = socket;
            accepting = threads.submit(() -> accept(socket));
        } catch (IOException e) {
            throw new IllegalStateException("The proxy could not listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                String host = targetHost;
                if (host == null) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(host, targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                threads.execute(() -> pump(client, upstream));
                threads.execute(() -> pump(upstream, client));
            } catch (IOException closedOrRefused) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException closed) {
            // one side went away: close both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void awaitQuietly(Future<?> task) {
        try {
            task.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the loop ended badly or not at all: the socket is closed anyway
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    @Override
    public synchronized void close() {
        cut();
        threads.shutdownNow();
    }
}
