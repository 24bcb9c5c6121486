package dk.raaderum.platform.messaging.admin;

import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_OFFSET;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_PARTITION;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;

import dk.raaderum.platform.messaging.consumer.DeadLetterHeaders;
import dk.raaderum.platform.messaging.consumer.PlatformFailureStrategy;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The two translations of a re-drive, with the headers of a dead-lettered record ({@link DeadLetterHeaders}). */
final class DeadLetterRecords {

    private DeadLetterRecords() {
    }

    /**
     * The record as the consumer first read it: its original topic ({@code dead-letter-topic}, else
     * {@code consumedTopic}), partition and offset ({@code dead-letter-partition} / {@code -offset}, else the
     * dead-letter record's own), key, value and headers without the dead-letter ones.
     */
    static ConsumerRecord<String, String> original(ConsumerRecord<byte[], byte[]> dead, String consumedTopic) {
        String topic = text(dead, DEAD_LETTER_TOPIC).orElse(consumedTopic);
        int partition = text(dead, DEAD_LETTER_PARTITION).flatMap(DeadLetterRecords::parseLong)
                .map(Long::intValue).orElse(dead.partition());
        long offset = text(dead, DEAD_LETTER_OFFSET).flatMap(DeadLetterRecords::parseLong).orElse(dead.offset());
        return new ConsumerRecord<>(topic, partition, offset, dead.timestamp(), dead.timestampType(),
                dead.serializedKeySize(), dead.serializedValueSize(), string(dead.key()), string(dead.value()),
                DeadLetterHeaders.eventHeaders(dead.headers()), Optional.empty());
    }

    /**
     * The record dead-lettered again after {@code failure}: same key and value on the same dead-letter topic, fresh
     * reason and cause, the original topic, partition and offset, the event's own headers, and {@code group} as the
     * consumer group that dead-lettered it.
     */
    static ProducerRecord<byte[], byte[]> again(ConsumerRecord<byte[], byte[]> dead,
            ConsumerRecord<String, String> original, RuntimeException failure, String group) {
        RecordHeaders headers = DeadLetterHeaders.of(original.topic(), original.partition(), original.offset(),
                original.headers(), failure, group);
        return new ProducerRecord<>(dead.topic(), null, dead.key(), dead.value(), headers);
    }

    /** The consumer group named by {@value PlatformFailureStrategy#DEAD_LETTERED_BY}, if any. */
    static Optional<String> deadLetteredBy(ConsumerRecord<byte[], byte[]> dead) {
        return text(dead, PlatformFailureStrategy.DEAD_LETTERED_BY);
    }

    private static Optional<String> text(ConsumerRecord<byte[], byte[]> record, String header) {
        Header last = record.headers().lastHeader(header);
        return last == null || last.value() == null ? Optional.empty() : Optional.of(string(last.value()));
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String string(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

}
