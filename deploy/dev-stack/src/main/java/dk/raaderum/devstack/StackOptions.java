package dk.raaderum.devstack;

import dk.raaderum.platform.infra.Ports;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What to start and where.
 *
 * @param repoRoot the checkout (built applications, realm JSON, Kafka libraries)
 * @param stateDir data and logs of this stack (kept between runs when {@code keepData})
 * @param keepData PostgreSQL and Kafka keep their data between runs (the local run) or start empty (tests)
 * @param startApps false: only PostgreSQL, Kafka and Keycloak, for {@code quarkus:dev} of single services
 * @param appPorts HTTP port per application name
 * @param log where progress lines go
 * @param environment extra environment variables for every application (e.g. a benchmark's higher rate limit)
 * @param classArchives the applications start from a class-data archive of an earlier start ({@link dk.raaderum.platform.infra.ClassDataArchive});
 *        on for the local run, off for the tests (their jars are new each build, so every start would be the first)
 */
public record StackOptions(Path repoRoot, Path stateDir, boolean keepData, int postgresPort, int kafkaPort,
        int kafkaControllerPort, int keycloakPort, Map<String, Integer> appPorts, boolean startApps,
        Consumer<String> log, Map<String, String> environment, boolean classArchives) {

    public static final int POSTGRES_PORT = 5433;
    public static final int KAFKA_PORT = 9092;
    public static final int KAFKA_CONTROLLER_PORT = 9093;
    public static final int KEYCLOAK_PORT = 8180;
    /**
     * The local run reads like a developer's console (text log lines, not production's JSON) and has no trace
     * collector, so failed exports stay quiet; with one listening (e.g. Jaeger), set
     * QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT before the start.
     */
    private static final Map<String, String> LOCAL_ENVIRONMENT = Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false",
            "RAADERUM_TRACING_EXPORTER_LOG_LEVEL", "ERROR");

    /** The fixed ports of the README, data kept in {@code <repo>/.state/dev-stack}. */
    public static StackOptions local(Path repoRoot, boolean startApps, Consumer<String> log) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        App.ALL.forEach(app -> ports.put(app.name(), app.defaultPort()));
        String stateOverride = System.getenv("RAADERUM_STATE_DIR");
        Path state = stateOverride != null && !stateOverride.isBlank() ? Path.of(stateOverride)
                : repoRoot.resolve(".state").resolve("dev-stack");
        return new StackOptions(repoRoot, state.toAbsolutePath(), true, POSTGRES_PORT, KAFKA_PORT,
                KAFKA_CONTROLLER_PORT, KEYCLOAK_PORT, ports, startApps, log, LOCAL_ENVIRONMENT, true);
    }

    /** Free ports and fresh data: for system tests that must not collide with a running local stack. */
    public static StackOptions ephemeral(Path repoRoot, Path stateDir, Consumer<String> log) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        App.ALL.forEach(app -> ports.put(app.name(), Ports.freePort()));
        return new StackOptions(repoRoot, stateDir.toAbsolutePath(), false, Ports.freePort(), Ports.freePort(),
                Ports.freePort(), Ports.freePort(), ports, true, log, Map.of(), false);
    }

    public StackOptions withEnvironment(Map<String, String> extra) {
        return new StackOptions(repoRoot, stateDir, keepData, postgresPort, kafkaPort, kafkaControllerPort, keycloakPort,
                appPorts, startApps, log, Map.copyOf(extra), classArchives);
    }

    public StackOptions withClassArchives(boolean on) {
        return new StackOptions(repoRoot, stateDir, keepData, postgresPort, kafkaPort, kafkaControllerPort, keycloakPort,
                appPorts, startApps, log, environment, on);
    }

    public int port(App app) {
        return appPorts.get(app.name());
    }

    public Path logs() {
        return stateDir.resolve("logs");
    }
}
