package dk.raaderum.platform.messaging.consumer;

import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_CAUSE;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_CAUSE_CLASS_NAME;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_OFFSET;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_PARTITION;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_REASON;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * The headers of a dead-lettered record, written by the live consumer ({@link DeadLetters}) and by a re-drive alike:
 * SmallRye's names ({@code dead-letter-reason}, {@code -cause}, {@code -exception-class-name},
 * {@code -cause-class-name}, {@code -topic}, {@code -partition}, {@code -offset}), the event's own headers, and
 * {@value PlatformFailureStrategy#DEAD_LETTERED_BY}, the consumer group that gave up on it.
 */
public final class DeadLetterHeaders {

    private static final String DEAD_LETTER_HEADER_PREFIX = "dead-letter-";

    private DeadLetterHeaders() {
    }

    /**
     * The headers for a record read from {@code topic}-{@code partition}@{@code offset} that {@code group} gave up on
     * after {@code failure}: fresh dead-letter headers, then the event's headers without any earlier dead-letter ones.
     */
    public static RecordHeaders of(String topic, int partition, long offset, Headers eventHeaders, Throwable failure,
            String group) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, DEAD_LETTER_EXCEPTION_CLASS_NAME, failure.getClass().getName());
        add(headers, DEAD_LETTER_REASON, message(failure));
        if (failure.getCause() != null) {
            add(headers, DEAD_LETTER_CAUSE_CLASS_NAME, failure.getCause().getClass().getName());
            add(headers, DEAD_LETTER_CAUSE, message(failure.getCause()));
        }
        add(headers, DEAD_LETTER_TOPIC, topic);
        add(headers, DEAD_LETTER_PARTITION, Integer.toString(partition));
        add(headers, DEAD_LETTER_OFFSET, Long.toString(offset));
        eventHeaders(eventHeaders).forEach(headers::add);
        add(headers, PlatformFailureStrategy.DEAD_LETTERED_BY, group);
        return headers;
    }

    /** The event's own headers: all but the dead-letter ones and {@value PlatformFailureStrategy#DEAD_LETTERED_BY}. */
    public static Headers eventHeaders(Headers all) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : all) {
            if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX)
                    && !header.key().equals(PlatformFailureStrategy.DEAD_LETTERED_BY)) {
                headers.add(header);
            }
        }
        return headers;
    }

    private static void add(RecordHeaders headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** As SmallRye's dead-letter queue: the message, else the exception's text. */
    private static String message(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.toString();
    }
}
