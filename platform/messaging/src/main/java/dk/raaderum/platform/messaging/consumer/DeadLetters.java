package dk.raaderum.platform.messaging.consumer;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Writes the records this service's consumers give up on to their dead-letter topics, through one Kafka producer
 * for all consumed channels (the {@value #CHANNEL} channel, platform/messaging's configuration). SmallRye's own
 * dead-letter-queue strategy started a producer per consumed channel: ten Kafka producers and their threads in a
 * service with nine consumers, each connecting at start, for records that are rare by design.
 * <p>
 * Key and value are written as the consumer read them: the platform's consumers read strings
 * ({@code StringDeserializer}), and the channel writes strings.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String CHANNEL = "raaderum-dead-letters";

    private final MutinyEmitter<String> emitter;

    public DeadLetters(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /**
     * Writes {@code record} to {@code deadLetterTopic} with {@link DeadLetterHeaders} for {@code failure} and
     * {@code group}, then acknowledges it (its offset may be committed); fails if Kafka refuses the write, and the
     * record stays unacknowledged.
     */
    public Uni<Void> send(IncomingKafkaRecord<?, ?> record, String deadLetterTopic, Throwable failure, String group) {
        OutgoingKafkaRecordMetadata<Object> metadata = OutgoingKafkaRecordMetadata.builder()
                .withTopic(deadLetterTopic)
                .withKey(record.getKey())
                .withHeaders(DeadLetterHeaders.of(record.getTopic(), record.getPartition(), record.getOffset(),
                        record.getHeaders(), failure, group))
                .build();
        Message<String> dead = Message.of((String) record.getPayload()).addMetadata(metadata);
        return emitter.sendMessage(dead)
                .chain(() -> Uni.createFrom().completionStage(record::ack))
                .emitOn(record::runOnMessageContext);
    }
}
