package dk.raaderum.devstack;

import dk.raaderum.platform.infra.Directories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A class-data archive per application: every start after the first maps the classes it loaded last time from one
 * file instead of reading, parsing and verifying them again (proposal-service started alone on this 2-core machine,
 * next to a build: 9.1–11.8 s without, 5.4–6.0 s with a JDK 17 archive, 4.9–5.2 s with a JDK 25 AOT cache).
 * <ul>
 * <li>JDK 25 and later: the AOT cache (JEP 483/514/515), written when the first start exits
 * ({@code -XX:AOTCacheOutput}) and used by later ones ({@code -XX:AOTCache}).</li>
 * <li>JDK 17–24: a dynamic AppCDS archive ({@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}).</li>
 * </ul>
 * The archive lives in the machine's cache ({@code <cache>/class-archives}) under a name made of the application, the
 * JDK and the packaged jar's path, size and time: a rebuilt application or another JDK trains a new one, and the JVM
 * itself ignores an archive whose class path does not fit. Only an application's first instance trains (a second
 * instance started beside it uses an archive that exists, or none). {@code RAADERUM_CLASS_ARCHIVES=off} turns it off.
 */
final class ClassDataArchive {

    private static final int AOT_CACHE_SINCE = 25;

    private ClassDataArchive() {
    }

    /** The JVM options for this start of the application's packaged jar. */
    static List<String> options(String instance, App app, Path runJar) {
        if ("off".equalsIgnoreCase(System.getenv("RAADERUM_CLASS_ARCHIVES")) || !Files.isRegularFile(runJar)) {
            return List.of();
        }
        boolean aotCache = Runtime.version().feature() >= AOT_CACHE_SINCE;
        Path archive = directory().resolve(app.name() + "-" + fingerprint(runJar) + (aotCache ? ".aot" : ".jsa"));
        // quiet: the JVM's notes on classes it cannot archive, or on an archive it ignores, are not the app's log
        List<String> quiet = aotCache ? List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xlog:aot=off")
                : List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        String flag;
        if (Files.isRegularFile(archive)) {
            flag = (aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive;
        } else if (instance.equals(app.name())) {
            removeOlder(app, archive);
            flag = (aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive;
        } else {
            return List.of();
        }
        List<String> options = new ArrayList<>(quiet);
        options.add(flag);
        return options;
    }

    /** True when these options write an archive at exit (the stop then needs longer). */
    static boolean trains(List<String> options) {
        return options.stream().anyMatch(option -> option.startsWith("-XX:AOTCacheOutput=")
                || option.startsWith("-XX:ArchiveClassesAtExit="));
    }

    /** An archive is ~100 MB: the application's archives of earlier builds go when a new one is trained. */
    private static void removeOlder(App app, Path archive) {
        try (var archives = Files.list(archive.getParent())) {
            for (Path older : archives.filter(path -> path.getFileName().toString().startsWith(app.name() + "-"))
                    .toList()) {
                Files.deleteIfExists(older);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + archive.getParent(), e);
        }
    }

    private static Path directory() {
        Path directory = Directories.cache().resolve("class-archives");
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }

    /** The JDK and the jar (path, size, time): what makes an archive fit. */
    private static String fingerprint(Path runJar) {
        try {
            String identity = Runtime.version() + "|" + runJar.toAbsolutePath() + "|" + Files.size(runJar) + "|"
                    + Files.getLastModifiedTime(runJar).toMillis();
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + runJar, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
