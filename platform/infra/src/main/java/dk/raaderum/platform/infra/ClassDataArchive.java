package dk.raaderum.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A class-data archive per program (an application, Keycloak, the Kafka broker): every start after the first maps
 * the classes it loaded last time from one file instead of reading, parsing and verifying them again
 * (proposal-service started alone on this 2-core machine, next to a build: 9.1–11.8 s without, 5.4–6.0 s with a JDK 17
 * archive, 4.9–5.2 s with a JDK 25 AOT cache; Keycloak 16.6 s without, 12.8 s with one).
 * <ul>
 * <li>JDK 25 and later: the AOT cache (JEP 483/514/515), written when the first start exits
 * ({@code -XX:AOTCacheOutput}) and used by later ones ({@code -XX:AOTCache}).</li>
 * <li>JDK 17–24: a dynamic AppCDS archive ({@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}).</li>
 * </ul>
 * The archive lives in the machine's cache ({@code <cache>/class-archives}) under a name made of the program, the JDK
 * and what it runs (a jar, or a directory of jars: path, size and time): a rebuilt application or another JDK trains
 * a new one, and the JVM itself ignores an archive whose class path does not fit. A training start writes to a file of
 * its own, published under the archive's name by {@link Start#stop} only when the process ended by itself, so two
 * trainings at once or one cut short never leave a broken archive. {@code RAADERUM_CLASS_ARCHIVES=off} turns it off.
 */
public final class ClassDataArchive {

    /** Writing an archive at exit takes 10–15 s per JVM on 2 cores, longer when several stop at once. */
    public static final Duration TRAINING_GRACE = Duration.ofSeconds(120);
    private static final int AOT_CACHE_SINCE = 25;
    /** A start without an archive (archives off, or a second instance beside a training one). */
    public static final Start NONE = new Start(List.of(), null, null);

    private ClassDataArchive() {
    }

    /**
     * One JVM start of a program: the JVM options it gets, and where its training output goes (null: it uses an
     * archive, or none).
     */
    public record Start(List<String> options, Path training, Path archive) {

        public boolean trains() {
            return training != null;
        }

        /** How long this start may take to stop: longer while it writes its archive at exit. */
        public Duration grace(Duration usual) {
            return trains() ? TRAINING_GRACE : usual;
        }

        /**
         * Stops the process this start launched, with {@code usual} as its grace period (longer while it trains), and
         * publishes or discards what it trained.
         */
        public void stop(ManagedProcess process, Duration usual) {
            stopped(process.stop(grace(usual)));
        }

        /**
         * After the process is gone: a training that ended by itself becomes the archive later starts use; one that
         * was killed is thrown away.
         */
        public void stopped(boolean endedByItself) {
            if (!trains()) {
                return;
            }
            try {
                if (endedByItself && Files.isRegularFile(training) && Files.size(training) > 0) {
                    Files.move(training, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.deleteIfExists(training);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot publish the class-data archive " + archive, e);
            }
        }
    }

    /**
     * The JVM options for this start of {@code program}, whose classes come from {@code classes} (a jar, or a
     * directory of jars). {@code mayTrain}: this start writes the archive at exit when there is none yet (false for
     * a second instance started beside the first).
     */
    public static Start start(String program, Path classes, boolean mayTrain) {
        if ("off".equalsIgnoreCase(System.getenv("RAADERUM_CLASS_ARCHIVES"))) {
            return NONE;
        }
        return start(program, classes, mayTrain, directory());
    }

    /** {@link #start(String, Path, boolean)} with the archives in {@code directory}. */
    static Start start(String program, Path classes, boolean mayTrain, Path directory) {
        if (!Files.exists(classes)) {
            return NONE;
        }
        boolean aotCache = Runtime.version().feature() >= AOT_CACHE_SINCE;
        String suffix = aotCache ? ".aot" : ".jsa";
        Path archive = directory.resolve(program + "-" + fingerprint(classes) + suffix);
        // quiet: the JVM's notes on classes it cannot archive, or on an archive it ignores, are not the program's log
        List<String> options = new ArrayList<>(aotCache ? List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-Xlog:aot=off") : List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        if (Files.isRegularFile(archive)) {
            options.add((aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
            return new Start(List.copyOf(options), null, archive);
        }
        if (!mayTrain) {
            return NONE;
        }
        removeOlder(program, archive);
        Path training = archive.resolveSibling(archive.getFileName() + ".training-" + UUID.randomUUID());
        options.add((aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + training);
        return new Start(List.copyOf(options), training, archive);
    }

    /** An archive is ~100 MB: the program's archives of earlier builds go when a new one is trained. */
    private static void removeOlder(String program, Path archive) {
        try (Stream<Path> archives = Files.list(archive.getParent())) {
            for (Path older : archives.filter(path -> isArchiveOf(program, path.getFileName().toString())).toList()) {
                Files.deleteIfExists(older);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + archive.getParent(), e);
        }
    }

    /** {@code <program>-<16 hex digits>.(jsa|aot)}, not the archive of a program whose name this one begins. */
    private static boolean isArchiveOf(String program, String fileName) {
        return fileName.startsWith(program + "-") && fileName.substring(program.length() + 1).matches("[0-9a-f]{16}\\.(jsa|aot)");
    }

    private static Path directory() {
        Path directory = Directories.cache().resolve("class-archives");
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }

    /** The JDK and the classes (each jar's path, size and time): what makes an archive fit. */
    private static String fingerprint(Path classes) {
        try (Stream<Path> files = Files.isDirectory(classes) ? Files.list(classes).sorted() : Stream.of(classes)) {
            StringBuilder identity = new StringBuilder(Runtime.version().toString());
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                identity.append('|').append(file.toAbsolutePath()).append('|').append(Files.size(file)).append('|')
                        .append(Files.getLastModifiedTime(file).toMillis());
            }
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + classes, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
