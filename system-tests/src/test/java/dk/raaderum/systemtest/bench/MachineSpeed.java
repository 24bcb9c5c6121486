package dk.raaderum.systemtest.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The machine's own speed, as a figure beside the platform's: a fixed piece of CPU and memory work in the benchmark's
 * JVM (sorting the same 4 Mi pseudo-random longs, 32 MiB, on one thread), the median of several rounds after two
 * warm-up rounds. Nothing of the platform takes part. On the shared machines the benchmark runs on, the same code has
 * measured a third slower from one run to the next; when this figure's ratio to the baseline moves with the platform's
 * figures, the machine changed; when it holds and they move, the platform did.
 */
public final class MachineSpeed {

    /** The longs sorted in a round. */
    public static final int LONGS = 1 << 22;
    private static final int WARM_UP_ROUNDS = 2;
    /** The rounds measured. */
    public static final int ROUNDS = 7;
    private static final long SEED = 15;

    private MachineSpeed() {
    }

    /** Milliseconds of one round of the reference work (the median of the measured rounds). */
    public static double referenceMillis() {
        long[] source = new SplittableRandom(SEED).longs(LONGS).toArray();
        double[] millis = new double[ROUNDS];
        for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
            long[] work = source.clone();
            long started = System.nanoTime();
            Arrays.sort(work);
            long took = System.nanoTime() - started;
            if (work[0] > work[LONGS - 1]) {
                throw new IllegalStateException("the reference work did not sort");
            }
            if (round >= 0) {
                millis[round] = took / 1e6;
            }
        }
        Arrays.sort(millis);
        return millis[ROUNDS / 2];
    }
}
