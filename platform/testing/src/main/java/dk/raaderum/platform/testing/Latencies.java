package dk.raaderum.platform.testing;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The latencies a benchmark measured, sorted, with percentiles by the nearest-rank method, and the two ways the
 * benchmarks measure: an action repeated in one thread, and a closed loop of concurrent HTTP clients.
 */
public final class Latencies {

    private final long[] sorted;
    private final double seconds;

    private Latencies(long[] nanos, double seconds) {
        this.sorted = nanos.clone();
        Arrays.sort(this.sorted);
        this.seconds = seconds;
    }

    /** Samples in nanoseconds, over no particular wall-clock time. */
    public static Latencies of(long[] nanos) {
        return new Latencies(nanos, Double.NaN);
    }

    /** Samples in nanoseconds taken over {@code seconds} of wall-clock time (for the rate). */
    public static Latencies of(long[] nanos, double seconds) {
        return new Latencies(nanos, seconds);
    }

    /** Runs {@code action} {@code warmup} times unmeasured, then {@code runs} times measured, one after the other. */
    public static Latencies time(int warmup, int runs, Runnable action) {
        for (int i = 0; i < warmup; i++) {
            action.run();
        }
        long[] nanos = new long[runs];
        long started = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            action.run();
            nanos[i] = System.nanoTime() - t0;
        }
        return new Latencies(nanos, (System.nanoTime() - started) / 1e9);
    }

    /**
     * {@code concurrency} loops, each sending {@code request} again as soon as the answer is read, for
     * {@code duration}; every answer must be 200.
     */
    public static Latencies closedLoop(HttpClient http, HttpRequest request, int concurrency, Duration duration)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        List<Future<long[]>> loops = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            loops.add(pool.submit(() -> {
                long[] nanos = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < nanos.length) {
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + " from " + request.uri());
                    }
                    nanos[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(nanos, n);
            }));
        }
        long[] all = new long[0];
        try {
            for (Future<long[]> loop : loops) {
                long[] part = loop.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
                long[] merged = Arrays.copyOf(all, all.length + part.length);
                System.arraycopy(part, 0, merged, all.length, part.length);
                all = merged;
            }
        } finally {
            pool.shutdownNow();
        }
        return new Latencies(all, (System.nanoTime() - started) / 1e9);
    }

    public int count() {
        return sorted.length;
    }

    /** Requests per second over the measured wall-clock time. */
    public double perSecond() {
        return sorted.length / seconds;
    }

    public double seconds() {
        return seconds;
    }

    /** The {@code p}-th percentile in milliseconds (nearest rank). */
    public double millis(double p) {
        if (sorted.length == 0) {
            throw new IllegalStateException("no samples");
        }
        int index = (int) Math.ceil(p * sorted.length / 100.0) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    public double maxMillis() {
        if (sorted.length == 0) {
            throw new IllegalStateException("no samples");
        }
        return sorted[sorted.length - 1] / 1e6;
    }

    /** {@code n=…  p50 … ms  p99 … ms  max … ms}. */
    public String summary() {
        return String.format("n=%5d  p50 %.3f ms  p99 %.3f ms  max %.3f ms", count(), millis(50), millis(99), maxMillis());
    }
}
