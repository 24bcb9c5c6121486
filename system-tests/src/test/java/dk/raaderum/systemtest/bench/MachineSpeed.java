package dk.raaderum.systemtest.bench;

import dk.raaderum.platform.testing.Latencies;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * The machine's own speed, as figures beside the platform's: a fixed piece of CPU and memory work in the benchmark's
 * JVM (copying and sorting the same 4 Mi pseudo-random longs, 32 MiB), on one thread and on every core at once (a copy
 * each), the median of several rounds after two warm-up rounds. Nothing of the platform takes part. On the shared
 * machine the benchmark runs on, the same code has measured a third slower at saturation from one run to the next: when
 * these figures move with the platform's, the machine changed. When they hold, the machine may still have changed in a
 * way they do not see: in the runs of 2026-12-06 21:05 and 21:21 one thread took 316 and 323 ms while saturation direct
 * fell from 1,360 to 1,011 req/s.
 */
public final class MachineSpeed {

    /** The longs sorted in a round, by each thread. */
    public static final int LONGS = 1 << 22;
    /** The rounds measured. */
    public static final int ROUNDS = 7;
    private static final int WARM_UP_ROUNDS = 2;
    private static final long SEED = 15;

    private MachineSpeed() {
    }

    /**
     * Milliseconds of one round of the reference work on {@code threads} threads at once, each copying the source and
     * sorting its copy (the median of the measured rounds, {@link Latencies#time}; a round lasts until every thread is
     * done).
     */
    public static double referenceMillis(int threads) {
        long[] source = new SplittableRandom(SEED).longs(LONGS).toArray();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            return Latencies.time(WARM_UP_ROUNDS, ROUNDS, () -> CompletableFuture.allOf(IntStream.range(0, threads)
                    .mapToObj(i -> CompletableFuture.runAsync(() -> sort(source.clone()), pool))
                    .toArray(CompletableFuture[]::new)).join()).millis(50);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sort(long[] work) {
        Arrays.sort(work);
        if (work[0] > work[LONGS - 1]) {
            throw new IllegalStateException("the reference work did not sort");
        }
    }
}
