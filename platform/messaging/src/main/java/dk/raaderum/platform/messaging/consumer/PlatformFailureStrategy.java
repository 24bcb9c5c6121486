package dk.raaderum.platform.messaging.consumer;

import dk.raaderum.platform.messaging.config.IncomingChannels;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.util.function.BiConsumer;

/**
 * The platform's failure strategy ({@code failure-strategy=raaderum-dead-letter}): a record the consumer gives up on
 * goes to the channel's dead-letter topic ({@code dead-letter-queue.topic}, else {@code <topic>.dlq}) with SmallRye's
 * dead-letter headers, and then its offset may be committed, as with SmallRye's dead-letter-queue strategy, but
 * <ul>
 * <li>through one producer for all channels ({@link DeadLetters}), not one per channel;</li>
 * <li>each dead-lettered record carries {@value #DEAD_LETTERED_BY}: the consumer group that gave up on it, so that a
 * re-drive processes again only what this service dead-lettered, even where several services share a topic and so its
 * dead-letter topic;</li>
 * <li>a record abandoned because the application stops ({@link ConsumerStoppingException}) is neither dead-lettered
 * nor acknowledged: its offset stays uncommitted and it is read again after the restart.</li>
 * </ul>
 * Every dead-lettered record counts in {@value #DEAD_LETTERED_METRIC} (tags {@code topic}, {@code group}), registered
 * at 0 when the channel starts, so an alert on its increase sees every consumed topic
 * (deploy/monitoring/alert-rules.yml).
 */
@ApplicationScoped
@Identifier(PlatformFailureStrategy.NAME)
@Unremovable
public class PlatformFailureStrategy implements KafkaFailureHandler.Factory {

    public static final String NAME = "raaderum-dead-letter";
    /** Header on a dead-lettered record: the consumer group that dead-lettered it. */
    public static final String DEAD_LETTERED_BY = "raaderum-dead-lettered-by";
    /** Records this service dead-lettered, per consumed topic and consumer group. */
    public static final String DEAD_LETTERED_METRIC = "raaderum.consumer.dead-lettered";

    private static final Logger LOG = Logger.getLogger(PlatformFailureStrategy.class);

    private final DeadLetters deadLetters;
    private final MeterRegistry registry;

    public PlatformFailureStrategy(DeadLetters deadLetters, MeterRegistry registry) {
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        Object configured = consumer.configuration().get(ConsumerConfig.GROUP_ID_CONFIG);
        String group = configured == null ? "" : configured.toString();
        Counter deadLettered = Counter.builder(DEAD_LETTERED_METRIC)
                .description("Records this service gave up on and wrote to the dead-letter topic")
                .tag("topic", topicOf(config)).tag("group", group).register(registry);
        String topic = IncomingChannels.deadLetterTopic(config.getDeadLetterQueueTopic(), topicOf(config));
        return new Handler(deadLetters, topic, group, deadLettered);
    }

    /** The channel's topic (its name when no topic is configured). */
    private static String topicOf(KafkaConnectorIncomingConfiguration config) {
        return config.getTopic().orElse(config.getChannel());
    }

    private record Handler(DeadLetters deadLetters, String topic, String group, Counter deadLettered)
            implements KafkaFailureHandler {

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            if (stopping(reason)) {
                LOG.infof("%s-%d@%d left unacknowledged: the application stops", record.getTopic(),
                        record.getPartition(), record.getOffset());
                return Uni.createFrom().voidItem();
            }
            deadLettered.increment();
            return deadLetters.send(record, topic, reason, group);
        }

        private static boolean stopping(Throwable reason) {
            for (Throwable t = reason; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ConsumerStoppingException) {
                    return true;
                }
            }
            return false;
        }
    }
}
