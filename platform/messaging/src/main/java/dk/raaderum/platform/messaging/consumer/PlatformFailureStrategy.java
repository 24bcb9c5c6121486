package dk.raaderum.platform.messaging.consumer;

import io.quarkus.arc.Unremovable;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * The platform's failure strategy ({@code failure-strategy=raaderum-dead-letter}): SmallRye's dead-letter-queue
 * strategy plus two things.
 * <ul>
 * <li>Each dead-lettered record carries {@value #DEAD_LETTERED_BY}: the consumer group that gave up on it, so that a
 * re-drive copies back only what this service dead-lettered, even where several services share a topic and so its
 * dead-letter topic.</li>
 * <li>A record abandoned because the application stops ({@link ConsumerStoppingException}) is neither dead-lettered
 * nor acknowledged: its offset stays uncommitted and it is read again after the restart.</li>
 * </ul>
 */
@ApplicationScoped
@Identifier(PlatformFailureStrategy.NAME)
@Unremovable
public class PlatformFailureStrategy implements KafkaFailureHandler.Factory {

    public static final String NAME = "raaderum-dead-letter";
    /** Header on a dead-lettered record: the consumer group that dead-lettered it. */
    public static final String DEAD_LETTERED_BY = "raaderum-dead-lettered-by";

    private static final Logger LOG = Logger.getLogger(PlatformFailureStrategy.class);

    private final KafkaFailureHandler.Factory deadLetterQueue;

    public PlatformFailureStrategy(@Identifier("dead-letter-queue") KafkaFailureHandler.Factory deadLetterQueue) {
        this.deadLetterQueue = deadLetterQueue;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler delegate = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        Object group = consumer.configuration().get(ConsumerConfig.GROUP_ID_CONFIG);
        return new Handler(delegate, group == null ? "" : group.toString());
    }

    private record Handler(KafkaFailureHandler delegate, String group) implements KafkaFailureHandler {

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            if (stopping(reason)) {
                LOG.infof("%s-%d@%d left unacknowledged: the application stops", record.getTopic(),
                        record.getPartition(), record.getOffset());
                return Uni.createFrom().voidItem();
            }
            RecordHeaders headers = new RecordHeaders();
            headers.add(DEAD_LETTERED_BY, group.getBytes(StandardCharsets.UTF_8));
            OutgoingKafkaRecordMetadata<Object> attribution = OutgoingKafkaRecordMetadata.builder()
                    .withHeaders(headers).build();
            Metadata withAttribution = (metadata == null ? Metadata.empty() : metadata).with(attribution);
            return delegate.handle(record, reason, withAttribution);
        }

        @Override
        public void terminate() {
            delegate.terminate();
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
