package dk.raaderum.platform.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process) in its own JVM, with its log
 * directory kept between runs. The classpath must hold {@code org.apache.kafka:kafka_2.13} and its runtime
 * dependencies (the dev-stack module depends on them).
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final ManagedProcess process;
    private final int port;
    private final ClassDataArchive.Start archive;

    private KafkaBrokerProcess(ManagedProcess process, int port, ClassDataArchive.Start archive) {
        this.process = process;
        this.port = port;
        this.archive = archive;
    }

    public static KafkaBrokerProcess start(Path dataDirectory, int port, int controllerPort, Path libraries,
            Path logFile, Duration startupTimeout) {
        KafkaBrokerProcess kafka = launch(dataDirectory, port, controllerPort, libraries, logFile);
        kafka.awaitReady(startupTimeout);
        return kafka;
    }

    /**
     * Formats the storage on first use, starts the broker (Serial GC: one broker for a few clients; from its
     * class-data archive, see {@link ClassDataArchive}) and returns at once; {@link #awaitReady} waits for it.
     * {@code libraries}: the directory of {@code kafka_2.13} and its runtime dependencies.
     */
    public static KafkaBrokerProcess launch(Path dataDirectory, int port, int controllerPort, Path libraries,
            Path logFile) {
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "Kafka controller");
        try {
            Files.createDirectories(dataDirectory);
            Path logDirs = dataDirectory.resolve("logs");
            Path config = dataDirectory.resolve("server.properties");
            Files.writeString(config, serverProperties(port, controllerPort, logDirs), StandardCharsets.UTF_8);
            Path log4j = dataDirectory.resolve("log4j2.properties");
            Files.writeString(log4j, LOG4J2, StandardCharsets.UTF_8);
            List<String> jvm = new ArrayList<>(List.of(JavaLauncher.javaExecutable(), "-Xms128m", "-Xmx512m",
                    JavaLauncher.SERIAL_GC));
            jvm.addAll(JavaLauncher.nativeHeapTrim());
            jvm.addAll(List.of("-Dlog4j2.configurationFile=" + log4j.toUri(), "-cp", libraries + File.separator + "*"));

            if (!Files.exists(logDirs.resolve("meta.properties"))) {
                List<String> format = new ArrayList<>(jvm);
                format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                        "-c", config.toString()));
                ManagedProcess formatting = ManagedProcess.start("kafka-format", format, Map.of(), dataDirectory, logFile);
                if (!awaitExit(formatting, Duration.ofSeconds(60)) || !Files.exists(logDirs.resolve("meta.properties"))) {
                    throw new InfraException("Formatting the Kafka storage in " + logDirs + " failed:\n"
                            + formatting.tail(30));
                }
            }

            ClassDataArchive.Start archive = ClassDataArchive.start("kafka", libraries, true);
            List<String> run = new ArrayList<>(jvm);
            run.addAll(1, archive.options());
            run.addAll(List.of("kafka.Kafka", config.toString()));
            return new KafkaBrokerProcess(ManagedProcess.start("kafka", run, Map.of(), dataDirectory, logFile), port,
                    archive);
        } catch (IOException e) {
            throw new InfraException("Could not prepare Kafka in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public ManagedProcess process() {
        return process;
    }

    /** Waits until the broker answers; stops it and throws if it does not in time. */
    public void awaitReady(Duration timeout) {
        if (!ready(timeout)) {
            process.stop(Duration.ofSeconds(10));
            archive.stopped(false);
            throw new InfraException("Kafka did not become ready within " + timeout.toSeconds() + " s. Log "
                    + process.logFile() + ":\n" + process.tail(30));
        }
    }

    private boolean ready(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    return false;
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return true;
                    }
                } catch (Exception notYet) {
                    Thread.sleep(250);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static boolean awaitExit(ManagedProcess process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !process.isAlive();
    }

    static String serverProperties(int port, int controllerPort, Path logDirs) {
        return String.join("\n",
                "# generated by dk.raaderum.platform.infra.KafkaBrokerProcess: do not edit",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirs.toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "");
    }

    private static final String LOG4J2 = String.join("\n",
            "status = warn",
            "appender.console.type = Console",
            "appender.console.name = STDOUT",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = warn",
            "rootLogger.appenderRef.stdout.ref = STDOUT",
            "logger.kafka.name = kafka",
            "logger.kafka.level = info",
            "logger.server.name = org.apache.kafka.server",
            "logger.server.level = info",
            "");

    @Override
    public void close() {
        archive.stop(process, GRACE);
    }
}
