package dk.raaderum.devstack;

import dk.raaderum.platform.infra.InfraException;
import dk.raaderum.platform.infra.Leftovers;
import dk.raaderum.platform.infra.ManagedProcess;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The local launcher's command line, started by {@code ./run-local.sh [--infra-only] [--clean]}: runs the platform
 * until Ctrl-C.
 */
public final class DevStack {

    private DevStack() {
    }

    public static void main(String[] args) {
        Set<String> flags = new HashSet<>(List.of(args));
        if (answeredUsage(flags)) {
            return;
        }
        Path repoRoot = repoRoot();
        StackOptions options = StackOptions.local(repoRoot, !flags.contains("--infra-only"), DevStack::say);
        Path pidFile = options.stateDir().resolve("dev-stack.pid");
        prepareState(options, pidFile, flags.contains("--clean"));

        say("Starting Råderum" + (options.startApps() ? "" : " infrastructure") + " (data in " + options.stateDir() + ")");
        LocalStack stack = LocalStack.create(options);
        CountDownLatch stopped = new CountDownLatch(1);
        // registered before anything starts: Ctrl-C during the start stops what has started, too
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping Råderum ...");
            stack.close();
            deleteQuietly(pidFile);
            say("Stopped.");
            stopped.countDown();
        }, "dev-stack-stop"));
        try {
            stack.start();
        } catch (InfraException e) {
            fail(e.getMessage());
            return;
        }
        printSummary(stack);
        superviseUntilStopped(stack, stopped);
    }

    /** Prints the usage for --help or an unknown option (exit 2); false when the options are fine. */
    private static boolean answeredUsage(Set<String> flags) {
        Set<String> unknown = new HashSet<>(flags);
        unknown.removeAll(Set.of("--help", "-h", "--infra-only", "--clean"));
        if (!flags.contains("--help") && !flags.contains("-h") && unknown.isEmpty()) {
            return false;
        }
        if (!unknown.isEmpty()) {
            System.err.println("Unknown option(s): " + String.join(" ", unknown));
        }
        System.out.println("""
                Runs the Råderum platform locally without Docker (./run-local.sh [options]).
                  --no-build    skip the Maven build (run-local.sh only)
                  --infra-only  only PostgreSQL, Kafka and Keycloak (run a service with ./mvnw quarkus:dev)
                  --clean       delete the local data (.state/dev-stack) first
                Ctrl-C stops everything.""");
        if (!unknown.isEmpty()) {
            System.exit(2);
        }
        return true;
    }

    /** One instance at a time; what a killed one left stopped; the state directory (emptied with --clean). */
    private static void prepareState(StackOptions options, Path pidFile, boolean clean) {
        try {
            refuseSecondInstance(pidFile);
            stopLeftovers(options);
            if (clean) {
                deleteRecursively(options.stateDir());
                say("Deleted the local data in " + options.stateDir());
            }
            Files.createDirectories(options.stateDir());
            Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            fail("Cannot use " + options.stateDir() + ": " + e.getMessage());
        }
    }

    private static void superviseUntilStopped(LocalStack stack, CountDownLatch stopped) {
        Set<String> reported = new HashSet<>();
        try {
            while (!stopped.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
                for (String dead : stack.deadApps()) {
                    if (reported.add(dead)) {
                        say("WARNING: " + dead + " stopped unexpectedly. Last lines of " + stack.logOf(dead) + ":\n"
                                + ManagedProcess.tail(stack.logOf(dead), 30));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printSummary(LocalStack stack) {
        StackOptions o = stack.options();
        StringBuilder text = new StringBuilder("\nRåderum is running. Ctrl-C stops everything.\n\n");
        if (o.startApps()) {
            text.append(String.format("  %-18s %s   (API docs: %s/q/swagger-ui)%n", "gateway", stack.url(App.GATEWAY),
                    stack.url(App.GATEWAY)));
            for (App app : App.ALL) {
                if (app != App.GATEWAY) {
                    text.append(String.format("  %-18s %s   (API docs: %s/q/swagger-ui)%n", app.name(), stack.url(app),
                            stack.url(app)));
                }
            }
        }
        text.append(String.format("  %-18s %s   (admin console: %s/admin, admin/admin)%n", "Keycloak", stack.keycloakUrl(),
                stack.keycloakUrl()));
        text.append(String.format("  %-18s localhost:%d, user postgres, databases proposal, target, followup, ideabank%n",
                "PostgreSQL", o.postgresPort()));
        text.append(String.format("  %-18s %s%n", "Kafka", stack.kafkaBootstrapServers()));
        text.append(String.format("  %-18s %s%n%n", "Logs", o.logs()));
        text.append("Demo users, password 'raaderum': varde-finance, varde-politician, varde-politician-s, varde-owner\n")
                .append("  (573 Varde), halsnaes-finance, halsnaes-politician, halsnaes-owner (260 Halsnæs), ringsted-finance,\n")
                .append("  ringsted-politician,")
                .append(" ringsted-owner (329 Ringsted), kl-curator (KL), platform-operator (the services' /admin endpoints).\n")
                .append("  Machine clients: varde-budget-system, kl-aggregator.\n\n")
                .append("A token for the Varde finance officer:\n")
                .append("  curl -s -d grant_type=password -d client_id=raaderum-cli -d username=varde-finance -d password=raaderum \\\n")
                .append("    ").append(stack.keycloakIssuer()).append("/protocol/openid-connect/token\n");
        say(text.toString());
    }

    /**
     * A launcher that was killed (kill -9, a closed terminal) left its processes running; they still hold the ports.
     * Its own data directories say which they are (pid files beside the logs, PostgreSQL's postmaster.pid).
     */
    private static void stopLeftovers(StackOptions options) {
        Duration grace = Duration.ofSeconds(20);
        List<String> stopped = new ArrayList<>(Leftovers.stopManaged(options.logs(), grace));
        Leftovers.stopPostgres(options.stateDir().resolve("postgres"), grace).ifPresent(pid -> stopped.add("postgresql"));
        if (!stopped.isEmpty()) {
            say("Stopped what an earlier run that did not stop properly left running: " + String.join(", ", stopped));
        }
    }

    private static void refuseSecondInstance(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String pid = Files.readString(pidFile).trim();
        Optional<ProcessHandle> running = pid.matches("\\d+") ? ProcessHandle.of(Long.parseLong(pid)) : Optional.empty();
        if (running.isPresent() && running.get().isAlive()) {
            fail("Råderum is already running (process " + pid + "). Stop it with Ctrl-C in its terminal, or `kill " + pid + "`.");
        }
        Files.deleteIfExists(pidFile);
    }

    /** deploy/dev-stack/target/raaderum-dev-stack.jar → the checkout root. */
    private static Path repoRoot() {
        String override = System.getenv("RAADERUM_REPO_ROOT");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        try {
            Path jar = Path.of(DevStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = jar.getParent().getParent().getParent().getParent();
            if (!Files.exists(root.resolve("deploy/keycloak/raaderum-realm.json"))) {
                fail("Cannot find the checkout from " + jar + "; set RAADERUM_REPO_ROOT.");
            }
            return root;
        } catch (URISyntaxException e) {
            fail("Cannot find the checkout: " + e.getMessage());
            return null;
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

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static void say(String line) {
        System.out.println("[raaderum] " + line);
    }

    private static void fail(String message) {
        System.err.println("[raaderum] ERROR: " + message);
        System.exit(1);
    }

}
