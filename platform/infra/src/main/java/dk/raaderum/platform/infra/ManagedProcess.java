package dk.raaderum.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A child process with its output in a log file, stopped together with all of its descendants
 * (a launcher script such as kc.sh starts the real JVM as a child). Its pid is noted beside the log until it is
 * stopped, so a launcher that was killed can find it again ({@link Leftovers}).
 */
public final class ManagedProcess implements AutoCloseable {

    private static final int REPORTED_LINE_LENGTH = 1_500;
    private static final Pattern ERROR_LINE = Pattern.compile(
            "\\b(ERROR|FATAL)\\b|OutOfMemoryError|A fatal error has been detected");

    private final String name;
    private final Process process;
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            Files.writeString(logFile, System.lineSeparator() + "=== " + name + ": " + String.join(" ", command)
                    + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process process = builder.start();
            Leftovers.record(process.toHandle(), logFile);
            return new ManagedProcess(name, process, logFile);
        } catch (IOException e) {
            throw new InfraException("Could not start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the process has ended, at most {@code timeout}; whether it has. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public Path logFile() {
        return logFile;
    }

    /** The last lines of the log, for error messages. */
    public String tail(int lines) {
        return tail(logFile, lines);
    }

    public static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no log at " + file + ")";
        }
        Deque<String> last = new ArrayDeque<>(lines);
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            });
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
        return String.join(System.lineSeparator(), last);
    }

    /**
     * Why a process that ended by itself ended, for error messages: its exit code (a signal's number when it was
     * killed, such as 9 from the kernel's OOM killer) and the first error lines it logged in this run, each cut to
     * {@value #REPORTED_LINE_LENGTH} characters. A tail alone often shows only what ran on after the error.
     */
    public String exitReport(int errorLines) {
        StringBuilder report = new StringBuilder();
        if (process.isAlive()) {
            report.append("still running");
        } else {
            int code = process.exitValue();
            report.append("exit code ").append(code);
            if (code > 128) {
                report.append(" (signal ").append(code - 128).append(')');
            }
        }
        List<String> errors = errorsOfThisRun(errorLines);
        report.append(errors.isEmpty() ? "; no error lines in its log" : "; its first error lines:");
        errors.forEach(line -> report.append(System.lineSeparator()).append(line));
        return report.toString();
    }

    private List<String> errorsOfThisRun(int max) {
        List<String> errors = new ArrayList<>();
        String marker = "=== " + name + ": ";
        try (Stream<String> all = Files.lines(logFile, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                if (line.startsWith(marker)) {
                    errors.clear();
                } else if (errors.size() < max && ERROR_LINE.matcher(line).find()) {
                    errors.add(line.length() > REPORTED_LINE_LENGTH ? line.substring(0, REPORTED_LINE_LENGTH) + " …"
                            : line);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            errors.add("(could not read " + logFile + ": " + e.getMessage() + ")");
        }
        return errors;
    }

    /**
     * Terminates the process tree: SIGTERM first, then SIGKILL after the grace period. True when it ended within the
     * grace period (its shutdown ran to the end).
     */
    public boolean stop(Duration grace) {
        boolean endedByItself = Leftovers.stop(process.toHandle(), grace);
        Leftovers.forget(logFile);
        return endedByItself;
    }

    /** Kills the process tree at once (SIGKILL), as a crash or an OOM killer would: no shutdown hooks run. */
    public void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Leftovers.forget(logFile);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }
}
