package dk.raaderum.platform.messaging.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.SmallRyeConfigBuilder;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

/**
 * The dead-letter topics a service offers to re-drive are those its failure strategy writes to: a channel's named
 * dead-letter topic, else its topic's, and none for a channel that does not dead-letter.
 */
class DeadLetterSourcesTest {

    private static final String IN = "mp.messaging.incoming.";

    @Test
    void everyDeadLetteringKafkaChannelWithTheTopicItsStrategyWritesTo() {
        DeadLetterSources sources = new DeadLetterSources(new SmallRyeConfigBuilder().withDefaultValues(Map.ofEntries(
                Map.entry("quarkus.application.name", "target-service"),
                Map.entry("mp.messaging.connector.smallrye-kafka.failure-strategy", "raaderum-dead-letter"),
                // named dead-letter topic
                Map.entry(IN + "adopted.connector", "smallrye-kafka"),
                Map.entry(IN + "adopted.topic", "proposal.adopted"),
                Map.entry(IN + "adopted.dead-letter-queue.topic", "proposal.adopted.failed"),
                // none named: the topic's, <topic>.dlq
                Map.entry(IN + "allocated.connector", "smallrye-kafka"),
                Map.entry(IN + "allocated.topic", "target.allocated"),
                Map.entry(IN + "allocated.group.id", "target-service-allocations"),
                // no topic either: the channel's name is the topic
                Map.entry(IN + "price-index.connector", "smallrye-kafka"),
                // SmallRye's own dead-letter strategy writes to the same topic
                Map.entry(IN + "withdrawn.connector", "smallrye-kafka"),
                Map.entry(IN + "withdrawn.topic", "proposal.withdrawn"),
                Map.entry(IN + "withdrawn.failure-strategy", "dead-letter-queue"),
                // not dead-lettering: nothing to re-drive
                Map.entry(IN + "ignored.connector", "smallrye-kafka"),
                Map.entry(IN + "ignored.topic", "idea.published"),
                Map.entry(IN + "ignored.failure-strategy", "ignore"),
                Map.entry(IN + "ignored.dead-letter-queue.topic", "idea.published.dlq"))).build());

        assertEquals(Map.of(
                "proposal.adopted", new DeadLetterSource("proposal.adopted", "proposal.adopted.failed", Set.of("target-service")),
                "target.allocated", new DeadLetterSource("target.allocated", "target.allocated.dlq",
                        Set.of("target-service-allocations")),
                "price-index", new DeadLetterSource("price-index", "price-index.dlq", Set.of("target-service")),
                "proposal.withdrawn", new DeadLetterSource("proposal.withdrawn", "proposal.withdrawn.dlq",
                        Set.of("target-service"))), sources.all());
    }

    @Test
    void aChannelOfAnotherConnectorIsNotKafkasToReDrive() {
        DeadLetterSources sources = new DeadLetterSources(new SmallRyeConfigBuilder().withDefaultValues(Map.of(
                "quarkus.application.name", "target-service",
                IN + "local.connector", "smallrye-in-memory",
                IN + "local.failure-strategy", "dead-letter-queue")).build());

        assertEquals(Map.of(), sources.all());
    }
}
