package dk.raaderum.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource: one real Kafka per test JVM (started on first use, stopped at JVM exit), shared by
 * every test class and every Quarkus restart in the module. Sets {@code kafka.bootstrap.servers}.
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
