package dk.raaderum.systemtest;

import dk.raaderum.devstack.App;
import dk.raaderum.devstack.LocalStack;
import dk.raaderum.devstack.StackOptions;
import dk.raaderum.platform.infra.InfraException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One platform for all system tests of the JVM: PostgreSQL, Kafka, Keycloak and every packaged application on free
 * ports, started by the local launcher's own code, with the demo data as in the local run; stopped at JVM exit. Every
 * application exports its spans to an OTLP receiver ({@link #traces()}).
 */
final class SharedStack {

    private static LocalStack stack;
    private static Keycloak keycloak;
    private static OtlpReceiver traces;
    private static Map<String, String> environment = Map.of();
    private static boolean classArchives;

    private SharedStack() {
    }

    static synchronized LocalStack stack() {
        if (stack == null) {
            try {
                Path state = Files.createDirectories(Path.of("target", "system-test-state")).toAbsolutePath();
                traces = OtlpReceiver.start();
                Map<String, String> env = new LinkedHashMap<>(environment);
                env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.tracesEndpoint());
                env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
                Supplier<StackOptions> options = () -> StackOptions.ephemeral(Repo.root(), state,
                        line -> System.out.println("[stack] " + line)).withEnvironment(env)
                        .withClassArchives(classArchives);
                Runtime.getRuntime().addShutdownHook(new Thread(traces::close, "system-test-traces-stop"));
                stack = startOnceMore(options);
                keycloak = new Keycloak(stack.keycloakIssuer());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }

    /**
     * Starts the platform; when that fails (a process that died while starting: what and why is printed), stops what
     * started and starts it from scratch (on new free ports) once more, so one crash at start is printed, not a failed
     * test class.
     */
    private static LocalStack startOnceMore(Supplier<StackOptions> options) {
        try {
            return started(options.get());
        } catch (InfraException failed) {
            System.out.println("[stack] The platform did not start; starting it once more from scratch. Why: "
                    + failed.getMessage());
            return started(options.get());
        }
    }

    private static LocalStack started(StackOptions options) {
        LocalStack created = LocalStack.create(options);
        Runtime.getRuntime().addShutdownHook(new Thread(created::close, "system-test-stack-stop"));
        return created.start();
    }

    /** Extra environment for every application; only before the platform starts (benchmarks). */
    static synchronized void environment(Map<String, String> extra) {
        if (stack != null) {
            throw new IllegalStateException("The platform is running already");
        }
        environment = Map.copyOf(extra);
    }

    /** The collector every application of the platform exports its spans to. */
    static OtlpReceiver traces() {
        stack();
        return traces;
    }

    /** The applications start from class-data archives as in the local run; only before the platform starts. */
    static synchronized void classArchives() {
        if (stack != null) {
            throw new IllegalStateException("The platform is running already");
        }
        classArchives = true;
    }

    static Keycloak keycloak() {
        stack();
        return keycloak;
    }

    /** The gateway: the URL users get. */
    static String gateway() {
        return stack().url(App.GATEWAY);
    }
}
