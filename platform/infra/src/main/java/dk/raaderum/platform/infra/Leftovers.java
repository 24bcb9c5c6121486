package dk.raaderum.platform.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Processes that a killed launcher (kill -9, a closed terminal) left running, found again by what it wrote down: a
 * {@code <log>.pid} file beside the log of every {@link ManagedProcess} (its pid and start time, so a recycled pid is
 * never mistaken for it), and PostgreSQL's own {@code postmaster.pid} in its data directory. A launcher stops them
 * before it starts anew, instead of failing on ports that are still in use.
 */
public final class Leftovers {

    static final String PID_SUFFIX = ".pid";
    private static final long START_TOLERANCE_MS = 2_000;

    private Leftovers() {
    }

    /** Notes a started process beside its log. */
    static void record(ProcessHandle process, Path logFile) {
        long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        try {
            Files.writeString(pidFile(logFile), process.pid() + " " + started, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InfraException("Could not write " + pidFile(logFile) + ": " + e.getMessage(), e);
        }
    }

    /** Forgets a process that was stopped properly. */
    static void forget(Path logFile) {
        try {
            Files.deleteIfExists(pidFile(logFile));
        } catch (IOException e) {
            // a stale pid file is checked against the start time before it is ever used
        }
    }

    /**
     * Stops every process (with its descendants) noted in a pid file of {@code logDirectory} that still runs.
     *
     * @return the names (of their logs, without .log) of what was stopped
     */
    public static List<String> stopManaged(Path logDirectory, Duration grace) {
        List<String> stopped = new ArrayList<>();
        if (!Files.isDirectory(logDirectory)) {
            return stopped;
        }
        try (Stream<Path> files = Files.list(logDirectory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(PID_SUFFIX)).toList()) {
                running(file).ifPresent(process -> {
                    stop(process, grace);
                    stopped.add(file.getFileName().toString().replace(PID_SUFFIX, "").replace(".log", ""));
                });
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new InfraException("Could not read " + logDirectory + ": " + e.getMessage(), e);
        }
        return stopped;
    }

    /**
     * Stops the PostgreSQL server that still runs on {@code dataDirectory} (fast shutdown: SIGINT; SIGKILL after the
     * grace period).
     *
     * @return its pid, when there was one
     */
    public static Optional<Long> stopPostgres(Path dataDirectory, Duration grace) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            Optional<ProcessHandle> postmaster = lines.size() > 1 && lines.get(0).strip().matches("\\d+")
                    && Path.of(lines.get(1).strip()).toAbsolutePath().equals(dataDirectory.toAbsolutePath())
                            ? ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(Leftovers::isPostgres)
                            : Optional.empty();
            if (postmaster.isEmpty()) {
                return Optional.empty();
            }
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.get().pid())).start().waitFor(5, TimeUnit.SECONDS);
            stop(postmaster.get(), grace);
            return Optional.of(postmaster.get().pid());
        } catch (IOException e) {
            throw new InfraException("Could not stop the PostgreSQL of " + dataDirectory + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Terminates a process tree: SIGTERM to all, then SIGKILL to what still runs after the grace period. */
    /** SIGTERM to the tree, SIGKILL to what is left after {@code grace}; true when nothing needed SIGKILL. */
    static boolean stop(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : tree) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception timeoutOrFailure) {
                // killed below
            }
        }
        List<ProcessHandle> left = tree.stream().filter(ProcessHandle::isAlive).toList();
        left.forEach(ProcessHandle::destroyForcibly);
        return left.isEmpty();
    }

    private static Optional<ProcessHandle> running(Path pidFile) throws IOException {
        String[] fields = Files.readString(pidFile, StandardCharsets.UTF_8).strip().split(" ");
        if (fields.length != 2 || !fields[0].matches("\\d+") || !fields[1].matches("\\d+")) {
            return Optional.empty();
        }
        long started = Long.parseLong(fields[1]);
        return ProcessHandle.of(Long.parseLong(fields[0])).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().startInstant()
                        .map(start -> Math.abs(start.toEpochMilli() - started) <= START_TOLERANCE_MS).orElse(false));
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.isAlive() && process.info().command().map(command -> command.contains("postgres")).orElse(false);
    }

    private static Path pidFile(Path logFile) {
        return logFile.resolveSibling(logFile.getFileName() + PID_SUFFIX);
    }
}
