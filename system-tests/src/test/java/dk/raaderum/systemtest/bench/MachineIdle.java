package dk.raaderum.systemtest.bench;

import dk.raaderum.platform.infra.ProcFiles;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits until the machine is quiet (from {@code /proc/stat}: the share of idle CPU time over a window), so that a
 * start measured "alone" does not share the cores with the previous start's compilers still at work.
 */
public final class MachineIdle {

    private static final Path STAT = ProcFiles.ROOT.resolve("stat");

    private MachineIdle() {
    }

    /**
     * Returns once a {@code window} had at least {@code idleShare} of all cores idle, or when {@code atMost} has passed;
     * the seconds waited. Off Linux (no /proc/stat) it returns at once.
     */
    public static double await(double idleShare, Duration window, Duration atMost) {
        if (!Files.isReadable(STAT)) {
            return 0;
        }
        long started = System.nanoTime();
        AtomicReference<long[]> before = new AtomicReference<>(cpuTimes());
        try {
            Awaitility.await().pollDelay(window).pollInterval(window).pollInSameThread().atMost(atMost).until(() -> {
                long[] after = cpuTimes();
                long[] last = before.getAndSet(after);
                long total = after[0] - last[0];
                long idle = after[1] - last[1];
                return total > 0 && idle >= idleShare * total;
            });
        } catch (ConditionTimeoutException stillBusy) {
            // waited long enough: the start is measured anyway, on a busy machine
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** All CPU time and idle time (idle + iowait), in clock ticks, from the first line of /proc/stat. */
    private static long[] cpuTimes() {
        String first = ProcFiles.firstLine(STAT).orElseThrow(() -> new IllegalStateException(STAT + " cannot be read"));
        long[] fields = Arrays.stream(first.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
        return new long[] { Arrays.stream(fields).sum(), fields[3] + fields[4] };
    }
}
