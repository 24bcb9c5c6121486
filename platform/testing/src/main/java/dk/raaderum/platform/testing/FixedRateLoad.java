package dk.raaderum.platform.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * An open-loop load at a fixed rate, as a benchmark states a target ("p99 &lt; 20 ms at 200 requests/s"): request
 * {@code i} is due at {@code start + i / rate} whatever happened to the ones before, and its latency is measured
 * from that due time, so a stall of the server (or of this client) counts against every request it delays instead of
 * silently lowering the rate (no coordinated omission). A warm-up at the same rate, unmeasured, comes first so both
 * sides are compiled. The client is a Vert.x event loop of its own (one thread, a keep-alive pool): cheap enough that
 * on a 2-core machine the numbers are mostly the server's.
 */
public final class FixedRateLoad {

    private final URI uri;
    private final IntFunction<URI> uris;
    private final HttpMethod method;
    private final Map<String, String> headers;
    private final String body;
    /** Requests sent so far, over every phase: request n asks for {@code uris.apply(n)}. */
    private final AtomicInteger sent = new AtomicInteger();

    private FixedRateLoad(IntFunction<URI> uris, HttpMethod method, Map<String, String> headers, String body) {
        this.uri = uris.apply(0);
        this.uris = uris;
        this.method = method;
        this.headers = Map.copyOf(headers);
        this.body = body;
    }

    public static FixedRateLoad get(URI uri, Map<String, String> headers) {
        return new FixedRateLoad(i -> uri, HttpMethod.GET, headers, null);
    }

    /**
     * GETs of a different URI per request ({@code uris} of the request's number, on the same host and port), e.g. to
     * measure searches that no cache has seen.
     */
    public static FixedRateLoad get(IntFunction<URI> uris, Map<String, String> headers) {
        return new FixedRateLoad(uris, HttpMethod.GET, headers, null);
    }

    /** A POST of a JSON body. */
    public static FixedRateLoad postJson(URI uri, Map<String, String> headers, String json) {
        return new FixedRateLoad(i -> uri, HttpMethod.POST, headers, json);
    }

    /** What one measured run saw: latencies from each request's due time, the answers that were not 200. */
    public record Result(int perSecond, Latencies latencies, int errors, String firstError) {

        /** {@code n=… in … s = … req/s, errors …, p50 …, p99 …, max …}. */
        public String summary() {
            return String.format("%5d requests in %.1f s = %.0f req/s, errors %d, p50 %.2f ms, p99 %.2f ms, max %.2f ms%s",
                    latencies.count(), latencies.seconds(), latencies.perSecond(), errors, latencies.millis(50),
                    latencies.millis(99), latencies.maxMillis(), firstError == null ? "" : " (first error: " + firstError + ")");
        }
    }

    /** Warms up for {@code warmup}, then measures {@code measure}, both at {@code perSecond}. */
    public Result run(int perSecond, Duration warmup, Duration measure) throws InterruptedException {
        Vertx vertx = vertx();
        try {
            HttpClient client = client(vertx);
            phase(vertx, client, perSecond, warmup);
            return phase(vertx, client, perSecond, measure);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /**
     * The baseline next to a rate: one request at a time (the next when the answer is in), {@code warmup} unmeasured
     * ones first, with the same client. Fails on an answer other than 200.
     */
    public Latencies sequential(int warmup, int count) {
        Vertx vertx = vertx();
        try {
            HttpClient client = client(vertx);
            for (int i = 0; i < warmup; i++) {
                await(client);
            }
            long[] nanos = new long[count];
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long sent = System.nanoTime();
                await(client);
                nanos[i] = System.nanoTime() - sent;
            }
            return Latencies.of(nanos, (System.nanoTime() - start) / 1e9);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private void await(HttpClient client) {
        int status = send(client).toCompletionStage().toCompletableFuture().join();
        if (status != 200) {
            throw new IllegalStateException(method + " " + uri + " answered " + status);
        }
    }

    private static Vertx vertx() {
        return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
    }

    private HttpClient client(Vertx vertx) {
        return vertx.createHttpClient(new HttpClientOptions().setDefaultHost(uri.getHost()).setDefaultPort(uri.getPort())
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(64));
    }

    private Result phase(Vertx vertx, HttpClient client, int perSecond, Duration duration) throws InterruptedException {
        int total = (int) (perSecond * duration.toMillis() / 1000);
        long interval = 1_000_000_000L / perSecond;
        long[] nanos = new long[total];
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime();
        int[] next = { 0 };
        // every millisecond, send what has fallen due (the event loop runs this and the answers, one at a time)
        vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            while (next[0] < total && start + next[0] * interval <= now) {
                int i = next[0]++;
                long due = start + i * interval;
                send(client).onComplete(answer -> {
                    nanos[i] = System.nanoTime() - due;
                    String error = answer.failed() ? answer.cause().toString()
                            : answer.result() != 200 ? "HTTP " + answer.result() : null;
                    if (error != null) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, error);
                    }
                    done.countDown();
                });
            }
            if (next[0] >= total) {
                vertx.cancelTimer(timer);
            }
        });
        if (!done.await(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the load did not finish: " + done.getCount() + " requests unanswered");
        }
        return new Result(perSecond, Latencies.of(nanos, (System.nanoTime() - start) / 1e9), errors.get(), firstError.get());
    }

    private Future<Integer> send(HttpClient client) {
        URI next = uris.apply(sent.getAndIncrement());
        String path = next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
        return client.request(method, path).compose(request -> {
            headers.forEach(request::putHeader);
            if (body == null) {
                return request.send();
            }
            request.putHeader("Content-Type", "application/json");
            return request.send(Buffer.buffer(body));
        }).compose(response -> response.body().map(ignored -> response.statusCode()));
    }
}
