package dk.raaderum.systemtest.bench;

import dk.raaderum.platform.infra.ProcFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of a process from Linux's /proc: all of it ({@code /proc/<pid>/stat}, threads that ended included), and
 * the part its JIT compiler threads took (HotSpot's {@code C1 CompilerThread<n>} and {@code C2 CompilerThread<n>},
 * from {@code /proc/<pid>/task/<tid>/stat}). /proc counts user and system time in USER_HZ ticks, 100 a second on
 * Linux (a fixed ABI, whatever the kernel's own tick).
 */
public final class ProcessCpu {

    private static final double MILLIS_PER_TICK = 10.0;

    private ProcessCpu() {
    }

    /** CPU used so far, in milliseconds: the whole process, and its JIT compiler threads. */
    public record Used(double totalMillis, double compilerMillis) {

        public Used since(Used before) {
            return new Used(totalMillis - before.totalMillis, compilerMillis - before.compilerMillis);
        }
    }

    /** What the process has used so far; zeros when it is gone (or off Linux). */
    public static Used of(long pid) {
        return new Used(ticks(ProcFiles.of(pid, "stat")) * MILLIS_PER_TICK,
                compilerTicks(ProcFiles.of(pid, "task")) * MILLIS_PER_TICK);
    }

    private static long compilerTicks(Path taskDirectory) {
        try (Stream<Path> tasks = Files.list(taskDirectory)) {
            return tasks.map(task -> task.resolve("stat")).filter(ProcessCpu::isCompiler)
                    .mapToLong(ProcessCpu::ticks).sum();
        } catch (IOException | UncheckedIOException gone) {
            return 0;
        }
    }

    /** The thread's name stands in parentheses, cut to 15 characters by the kernel. */
    private static boolean isCompiler(Path stat) {
        String line = ProcFiles.firstLine(stat).orElse("");
        int open = line.indexOf('(');
        return open >= 0 && line.startsWith("CompilerThre", open + 4)
                && (line.startsWith("C1 ", open + 1) || line.startsWith("C2 ", open + 1));
    }

    /** utime + stime: the 14th and 15th fields, counted after the name (which may hold spaces). */
    private static long ticks(Path stat) {
        String line = ProcFiles.firstLine(stat).orElse("");
        int close = line.lastIndexOf(')');
        if (close < 0) {
            return 0;
        }
        String[] fields = line.substring(close + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
