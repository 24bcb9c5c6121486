package dk.raaderum.platform.messaging.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform's failure strategy: what it hands to the dead-letter producer, and what it keeps back. (Dead-lettering
 * itself, with its headers, is proven against Kafka in ConsumerFailureKindsTest and IdempotentConsumerTest.)
 */
class PlatformFailureStrategyTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> deadLettered = new ArrayList<>();
    private final DeadLetters deadLetters = new DeadLetters(null) {
        @Override
        public Uni<Void> send(IncomingKafkaRecord<?, ?> record, String topic, Throwable failure, String group) {
            deadLettered.add(record.getOffset() + " to " + topic + " by " + group + ": " + failure.getMessage());
            return Uni.createFrom().voidItem();
        }
    };

    private KafkaFailureHandler handler(KafkaConnectorIncomingConfiguration channel) {
        return new PlatformFailureStrategy(deadLetters, registry).create(channel, null, consumerOfGroup("target-service"),
                (failure, fatal) -> {
                });
    }

    @Test
    void aRecordAbandonedOnShutdownIsNotDeadLettered() {
        handler(channel("proposal.adopted.dlq")).handle(record(), new IllegalStateException("wrapped",
                new ConsumerStoppingException("stopping", new RuntimeException("database away"))), Metadata.empty())
                .await().indefinitely();
        assertEquals(List.of(), deadLettered);
        assertEquals(0, registry.get(PlatformFailureStrategy.DEAD_LETTERED_METRIC).counter().count());
    }

    @Test
    void aRecordGoesToTheChannelsDeadLetterTopicNamingTheConsumerGroupThatGaveUp() {
        handler(channel("proposal.adopted.dlq")).handle(record(), new IllegalStateException("bug"), Metadata.empty())
                .await().indefinitely();
        assertEquals(List.of("7 to proposal.adopted.dlq by target-service: bug"), deadLettered);
        assertEquals(1, registry.get(PlatformFailureStrategy.DEAD_LETTERED_METRIC).tag("group", "target-service")
                .tag("topic", "proposal.adopted").counter().count());
    }

    @Test
    void aChannelThatNamesNoDeadLetterTopicUsesItsTopicsDlq() {
        handler(channel(null)).handle(record(), new IllegalStateException("bug"), Metadata.empty()).await().indefinitely();
        assertEquals(List.of("7 to proposal.adopted.dlq by target-service: bug"), deadLettered);
    }

    private static IncomingKafkaRecord<String, String> record() {
        return new IncomingKafkaRecord<>(new ConsumerRecord<>("proposal.adopted", 0, 7L, "4711", "{}"), "proposal-adopted",
                -1, null, null, false);
    }

    /** The channel as SmallRye configures it: its name, its topic and its dead-letter topic (null: none given). */
    private static KafkaConnectorIncomingConfiguration channel(String deadLetterTopic) {
        SmallRyeConfigBuilder config = new SmallRyeConfigBuilder()
                .withDefaultValue("channel-name", "proposal-adopted").withDefaultValue("topic", "proposal.adopted")
                .withDefaultValue("value.deserializer", StringDeserializer.class.getName());
        if (deadLetterTopic != null) {
            config.withDefaultValue("dead-letter-queue.topic", deadLetterTopic);
        }
        return new KafkaConnectorIncomingConfiguration(config.build());
    }

    @SuppressWarnings("unchecked")
    private static KafkaConsumer<?, ?> consumerOfGroup(String group) {
        return (KafkaConsumer<?, ?>) Proxy.newProxyInstance(KafkaConsumer.class.getClassLoader(),
                new Class<?>[] { KafkaConsumer.class }, (proxy, method, args) -> {
                    if (method.getName().equals("configuration")) {
                        return Map.of("group.id", group);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
