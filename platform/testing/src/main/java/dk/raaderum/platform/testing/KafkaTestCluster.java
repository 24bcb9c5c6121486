package dk.raaderum.platform.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A real single-node KRaft Kafka (broker and controller in one node) inside the test JVM, from the Kafka test kit
 * at the kafka-clients version of the Quarkus BOM. Clients reach it through a {@link TcpProxy} (the broker
 * advertises the proxy's port), so a test can make Kafka unreachable and bring it back without restarting it.
 */
public final class KafkaTestCluster implements AutoCloseable {

    private final KafkaClusterTestKit kit;
    private final TcpProxy proxy;

    private KafkaTestCluster(KafkaClusterTestKit kit, TcpProxy proxy) {
        this.kit = kit;
        this.proxy = proxy;
    }

    public static KafkaTestCluster start() {
        quietKafkaLogs();
        TcpProxy proxy = TcpProxy.reserve();
        int proxyPort = proxy.port();
        try {
            Path base = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")))
                    .resolve("kafka-" + java.util.UUID.randomUUID());
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(base)
                    .setPerServerProperties(Map.of(0, Map.of("advertised.listeners", "EXTERNAL://localhost:" + proxyPort)))
                    .build();
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "5")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            String[] direct = kit.bootstrapServers().split(",")[0].split(":");
            return new KafkaTestCluster(kit, proxy.forwardTo(direct[0], Integer.parseInt(direct[1])));
        } catch (Exception e) {
            proxy.close();
            throw new IllegalStateException("The Kafka test cluster did not start: " + e.getMessage(), e);
        }
    }

    /** What clients use: the proxy in front of the broker. */
    public String bootstrapServers() {
        return "localhost:" + proxy.port();
    }

    /** Kafka becomes unreachable until the returned outage is closed (or {@link #restore()}). */
    public Outage outage() {
        proxy.cut();
        return this::restore;
    }

    public void restore() {
        proxy.restore();
    }

    @Override
    public void close() {
        proxy.close();
        try {
            kit.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("The Kafka test cluster did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /** An ongoing outage; closing it ends the outage. */
    @FunctionalInterface
    public interface Outage extends AutoCloseable {
        @Override
        void close();
    }

    private static void quietKafkaLogs() {
        for (String category : new String[] { "kafka", "org.apache.kafka", "state.change.logger", "org.apache.zookeeper" }) {
            Logger.getLogger(category).setLevel(Level.WARNING);
        }
    }
}
