package dk.raaderum.platform.messaging.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform's failure strategy around SmallRye's dead-letter queue: what it hands on, and what it keeps back.
 * (Dead-lettering itself, with the header, is proven against Kafka in ConsumerFailureKindsTest.)
 */
class PlatformFailureStrategyTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Metadata> deadLettered = new ArrayList<>();
    private final KafkaFailureHandler handler = new PlatformFailureStrategy((config, vertx, consumer, report) ->
            new KafkaFailureHandler() {
                @Override
                public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                    deadLettered.add(metadata);
                    return Uni.createFrom().voidItem();
                }
            }, registry).create(channel(), null, consumerOfGroup("target-service"), (failure, fatal) -> {
            });

    @Test
    void aRecordAbandonedOnShutdownIsNotDeadLettered() {
        handler.handle(record(), new IllegalStateException("wrapped",
                new ConsumerStoppingException("stopping", new RuntimeException("database away"))), Metadata.empty())
                .await().indefinitely();
        assertEquals(List.of(), deadLettered);
        assertEquals(0, registry.get(PlatformFailureStrategy.DEAD_LETTERED_METRIC).counter().count());
    }

    @Test
    void aDeadLetteredRecordNamesTheConsumerGroupThatGaveUp() {
        handler.handle(record(), new IllegalStateException("bug"), Metadata.empty()).await().indefinitely();
        assertEquals(1, deadLettered.size());
        OutgoingKafkaRecordMetadata<?> metadata = deadLettered.get(0).get(OutgoingKafkaRecordMetadata.class).orElseThrow();
        byte[] by = metadata.getHeaders().lastHeader(PlatformFailureStrategy.DEAD_LETTERED_BY).value();
        assertEquals("target-service", new String(by, StandardCharsets.UTF_8));
        assertTrue(metadata.getTopic() == null, "the dead-letter topic stays the channel's");
        assertEquals(1, registry.get(PlatformFailureStrategy.DEAD_LETTERED_METRIC).tag("group", "target-service")
                .tag("topic", "proposal.adopted").counter().count());
    }

    private static IncomingKafkaRecord<String, String> record() {
        return new IncomingKafkaRecord<>(new ConsumerRecord<>("proposal.adopted", 0, 7L, "4711", "{}"), "proposal-adopted",
                -1, null, null, false);
    }

    /** The channel as SmallRye configures it: its name and its topic. */
    private static KafkaConnectorIncomingConfiguration channel() {
        return new KafkaConnectorIncomingConfiguration(new SmallRyeConfigBuilder()
                .withDefaultValue("channel-name", "proposal-adopted").withDefaultValue("topic", "proposal.adopted")
                .withDefaultValue("value.deserializer", StringDeserializer.class.getName())
                .build());
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
