package dk.raaderum.systemtest.bench;

import io.vertx.core.Vertx;
import io.vertx.httpproxy.HttpProxy;

/**
 * A bare vertx-http-proxy with nothing else configured (no token check, limits, breaker or logging): the plain reverse
 * proxy the gateway is compared with where nginx is not installed. Run as a JVM of its own by {@link PlainProxy}:
 * arguments {@code <port> <upstream port>}.
 */
public final class BareProxy {

    private BareProxy() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int upstream = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx();
        HttpProxy proxy = HttpProxy.reverseProxy(vertx.createHttpClient()).origin(upstream, "127.0.0.1");
        vertx.createHttpServer().requestHandler(proxy).listen(port, "127.0.0.1").toCompletionStage()
                .toCompletableFuture().join();
        System.out.println("bare proxy on " + port + " to " + upstream);
    }
}
