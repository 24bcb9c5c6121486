package dk.raaderum.systemtest.bench;

import dk.raaderum.platform.infra.ProcFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Memory of the platform's processes from Linux's /proc: RSS of one process ({@code VmRSS}), and PSS
 * ({@code smaps_rollup}), which counts a page shared by several processes (PostgreSQL's shared buffers, the JDK's
 * class data) once in total instead of once per process, so it can be summed over a stack.
 */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** Resident set of one process in MiB, or -1 when it is gone. */
    public static double rssMib(long pid) {
        return field(ProcFiles.of(pid, "status"), "VmRSS:");
    }

    /** Proportional set of one process in MiB, or -1 when it is gone. */
    public static double pssMib(long pid) {
        return field(ProcFiles.of(pid, "smaps_rollup"), "Pss:");
    }

    /** PSS summed over the processes, in MiB. */
    public static double pssMib(Set<Long> pids) {
        return pids.stream().mapToDouble(ProcessMemory::pssMib).filter(mib -> mib > 0).sum();
    }

    /** The running process whose command line holds {@code text} (e.g. an application's jar), if there is one. */
    public static Optional<Long> pidWith(String text) {
        return pidsWith(text).stream().findFirst();
    }

    /**
     * Every process whose command line holds {@code text} and every process under it (PostgreSQL's server, found by
     * its data directory, and its backends).
     */
    public static Set<Long> pidsWith(String text) {
        Set<Long> pids = new TreeSet<>();
        try (Stream<Path> entries = Files.list(ProcFiles.ROOT)) {
            entries.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).filter(pid -> ProcFiles.commandLine(pid).contains(text)).forEach(pid -> {
                        pids.add(pid);
                        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
                    });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return pids;
    }

    private static double field(Path file, String name) {
        return ProcFiles.lines(file).stream().filter(line -> line.startsWith(name)).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0).orElse(-1.0);
    }
}
