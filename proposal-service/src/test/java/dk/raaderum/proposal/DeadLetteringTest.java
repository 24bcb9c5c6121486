package dk.raaderum.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.messaging.consumer.PlatformFailureStrategy;
import dk.raaderum.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * A record the service cannot read goes to its own topic's dead-letter topic, whichever of the nine consumed topics it
 * came from, through one producer: the service runs two Kafka producers (the outbox's and the dead letters'), not one
 * more per consumed channel.
 */
@QuarkusTest
class DeadLetteringTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void poisonOnTwoTopicsIsDeadLetteredToEachTopicsDlqThroughOneProducer() throws MalformedObjectNameException {
        String first = "poison-" + UUID.randomUUID();
        String second = "poison-" + UUID.randomUUID();
        KafkaTopics.send("target.allocated", first, "not a CloudEvent");
        KafkaTopics.send("idea.published", second, "{\"neither\": \"a CloudEvent\"}");

        assertDeadLettered("target.allocated", first, "not a CloudEvent");
        assertDeadLettered("idea.published", second, "{\"neither\": \"a CloudEvent\"}");
        assertEquals(Set.of("kafka-producer-raaderum-dead-letters", "kafka-producer-raaderum-outbox"), producers());
    }

    private static void assertDeadLettered(String topic, String key, String value) {
        List<ConsumerRecord<String, String>> dead = KafkaTopics.await(topic + ".dlq", r -> key.equals(r.key()), 1, WAIT);
        assertEquals(1, dead.size(), key + " on " + topic + ".dlq");
        assertEquals(value, dead.get(0).value());
        assertEquals(topic, KafkaTopics.header(dead.get(0), "dead-letter-topic"));
        assertTrue(KafkaTopics.header(dead.get(0), "dead-letter-reason").contains("Not a CloudEvent"),
                KafkaTopics.header(dead.get(0), "dead-letter-reason"));
        assertEquals("proposal-service", KafkaTopics.header(dead.get(0), PlatformFailureStrategy.DEAD_LETTERED_BY));
    }

    /** The client ids of the Kafka producers open in this JVM (the test's own are closed after each send). */
    private static Set<String> producers() throws MalformedObjectNameException {
        Set<String> ids = new TreeSet<>();
        ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName("kafka.producer:type=app-info,*"), null)
                .forEach(name -> ids.add(name.getKeyProperty("client-id") != null
                        ? name.getKeyProperty("client-id") : name.getKeyProperty("id")));
        return ids;
    }
}
