package dk.raaderum.platform.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak from {@code org.keycloak:keycloak-quarkus-dist} (a zip from Maven Central), no Docker. The zip is
 * unpacked once into a cache directory shared by every checkout; each start uses an in-memory database and
 * imports the realm JSON, so the realm always matches the file in git.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final String UNPACKED_MARKER = ".raaderum-unpacked";

    /**
     * A local Keycloak signs in a few test users: the C1 compiler alone and the Serial collector start it with about
     * two thirds of the CPU time (30 → 19 s on 2 cores), and its class-data archive (see {@link ClassDataArchive})
     * takes the start from 16.6 to 12.8 s.
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:-UseG1GC",
            JavaLauncher.SERIAL_GC);
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final ManagedProcess process;
    private final int port;
    private final ClassDataArchive.Start archive;

    private KeycloakServer(ManagedProcess process, int port, ClassDataArchive.Start archive) {
        this.process = process;
        this.port = port;
        this.archive = archive;
    }

    /**
     * Unpacks the distribution zip into {@code cacheDirectory} unless an earlier run did; returns the Keycloak
     * home. Safe against two processes doing it at once (file lock) and against a half-finished unpack.
     */
    @SuppressWarnings("try") // the lock is held for the block's duration, never read
    public static Path ensureUnpacked(Path distributionZip, Path cacheDirectory) {
        if (distributionZip == null || !Files.isRegularFile(distributionZip)) {
            throw new InfraException("The Keycloak distribution zip is missing (" + distributionZip + "). Build once with"
                    + " `./mvnw install -DskipTests` so Maven downloads org.keycloak:keycloak-quarkus-dist.");
        }
        try {
            Files.createDirectories(cacheDirectory);
            try (ZipFile zip = new ZipFile(distributionZip.toFile())) {
                String root = topDirectory(zip);
                Path home = cacheDirectory.resolve(root);
                if (Files.exists(home.resolve(UNPACKED_MARKER))) {
                    return home;
                }
                try (FileChannel lockChannel = FileChannel.open(cacheDirectory.resolve(root + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock ignored = lockChannel.lock()) {
                    if (Files.exists(home.resolve(UNPACKED_MARKER))) {
                        return home;
                    }
                    Path staging = Files.createTempDirectory(cacheDirectory, ".unpack-");
                    unzip(zip, staging);
                    Stream.of("kc.sh", "kcadm.sh", "kcreg.sh").map(name -> staging.resolve(root).resolve("bin").resolve(name))
                            .filter(Files::exists).forEach(script -> script.toFile().setExecutable(true));
                    deleteRecursively(home);
                    Files.move(staging.resolve(root), home, StandardCopyOption.ATOMIC_MOVE);
                    deleteRecursively(staging);
                    Files.writeString(home.resolve(UNPACKED_MARKER), distributionZip.getFileName().toString());
                    return home;
                }
            }
        } catch (IOException e) {
            throw new InfraException("Could not unpack Keycloak from " + distributionZip + " into " + cacheDirectory + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Starts {@code kc.sh start-dev} with the realm imported and waits until the realm's discovery document
     * answers.
     */
    public static KeycloakServer start(Path home, int port, Path realmJson, Path logFile, Duration timeout) {
        KeycloakServer keycloak = launch(home, port, realmJson, logFile);
        keycloak.awaitReady(timeout);
        return keycloak;
    }

    /** Starts the process and returns at once; {@link #awaitReady} waits for it. */
    public static KeycloakServer launch(Path home, int port, Path realmJson, Path logFile) {
        Ports.requireFree(port, "Keycloak");
        try {
            Path importDir = home.resolve("data").resolve("import");
            Files.createDirectories(importDir);
            Files.copy(realmJson, importDir.resolve(realmJson.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new InfraException("Could not place the realm " + realmJson + " for import: " + e.getMessage(), e);
        }
        List<String> command = List.of(home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--hostname=http://localhost:" + port, "--import-realm", "--db=dev-mem",
                "--log-level=WARN,org.keycloak.services:INFO,io.quarkus:INFO");
        ClassDataArchive.Start archive = ClassDataArchive.start("keycloak", home.resolve("lib").resolve("quarkus"), true);
        Map<String, String> environment = Map.of(
                "JAVA_HOME", JavaLauncher.javaHome(),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m",
                "JAVA_OPTS_APPEND", javaOptions(archive),
                // local development only: the admin console of this throw-away in-memory Keycloak
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        return new KeycloakServer(ManagedProcess.start("keycloak", command, environment, home, logFile), port, archive);
    }

    /** Its JVM's options (kc.sh appends them): the above, the native heap trimmed, its class-data archive. */
    private static String javaOptions(ClassDataArchive.Start archive) {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        options.addAll(JavaLauncher.nativeHeapTrim());
        options.addAll(archive.options());
        return String.join(" ", options);
    }

    /** Waits until the raaderum realm's discovery document answers; stops the process and throws if it does not. */
    public void awaitReady(Duration timeout) {
        if (!HttpProbe.awaitOk(issuer("raaderum") + "/.well-known/openid-configuration", timeout, process::isAlive)) {
            process.stop(Duration.ofSeconds(10));
            archive.stopped(false);
            throw new InfraException("Keycloak did not become ready within " + timeout.toSeconds() + " s. Log "
                    + process.logFile() + ":\n" + process.tail(40));
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String issuer(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        archive.stop(process, GRACE);
    }

    private static String topDirectory(ZipFile zip) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        if (!entries.hasMoreElements()) {
            throw new InfraException("The Keycloak distribution zip " + zip.getName() + " is empty.");
        }
        String name = entries.nextElement().getName();
        int slash = name.indexOf('/');
        return slash > 0 ? name.substring(0, slash) : name;
    }

    private static void unzip(ZipFile zip, Path target) throws IOException {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            Path out = target.resolve(entry.getName()).normalize();
            if (!out.startsWith(target)) {
                throw new IOException("Zip entry outside the target directory: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(out);
            } else {
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
