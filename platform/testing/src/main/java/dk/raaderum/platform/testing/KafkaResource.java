package dk.raaderum.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource: a real Kafka started on first use and stopped at JVM exit, shared by every test class of
 * the module. (A {@code @TestProfile} restarts Quarkus in a new class loader, which starts a second broker of its
 * own; tests of that profile use that one.) Sets {@code kafka.bootstrap.servers}.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaTestCluster cluster;

    public static synchronized KafkaTestCluster cluster() {
        if (cluster == null) {
            KafkaTestCluster started = KafkaTestCluster.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "kafka-test-cluster-stop"));
            cluster = started;
        }
        return cluster;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", cluster().bootstrapServers());
    }

    @Override
    public void stop() {
        cluster().restore();
    }
}
