package dk.raaderum.platform.infra;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Linux's /proc, read the one way that reads it whole: through a reader's buffer. Its files report a size of 0, and
 * {@code Files.readString} then returns as little as one byte of some of them ({@code /proc/sys/net/ipv4/
 * ip_local_port_range} reads as "3", JDK 17 and 25 alike). A file that cannot be read (a process that has ended, a
 * system without /proc) reads as empty: callers decide what that means.
 */
public final class ProcFiles {

    /** The root of the process file system. */
    public static final Path ROOT = Path.of("/proc");

    private ProcFiles() {
    }

    /** The file's first line; empty when it cannot be read. */
    public static Optional<String> firstLine(Path file) {
        return content(file).flatMap(text -> text.lines().findFirst());
    }

    /** Every line of the file; none when it cannot be read. */
    public static List<String> lines(Path file) {
        return content(file).map(text -> text.lines().toList()).orElse(List.of());
    }

    /** The file of one process, e.g. {@code of(pid, "status")}. */
    public static Path of(long pid, String name) {
        return ROOT.resolve(Long.toString(pid)).resolve(name);
    }

    /** The process' command line, its arguments separated by spaces; empty when it is gone. */
    public static String commandLine(long pid) {
        return content(of(pid, "cmdline")).map(text -> text.replace('\0', ' ')).orElse("");
    }

    /** The load averages over 1, 5 and 15 minutes, as /proc/loadavg gives them; "unknown" without it. */
    public static String loadAverage() {
        return firstLine(ROOT.resolve("loadavg")).map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields.length >= 3).map(fields -> fields[0] + " " + fields[1] + " " + fields[2])
                .orElse("unknown");
    }

    /** The whole file, read 8 KiB at a time; bytes that are not UTF-8 (a command line may hold any) are replaced. */
    private static Optional<String> content(Path file) {
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            StringWriter text = new StringWriter();
            reader.transferTo(text);
            return Optional.of(text.toString());
        } catch (IOException | UncheckedIOException | SecurityException gone) {
            return Optional.empty();
        }
    }
}
