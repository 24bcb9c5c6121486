package dk.raaderum.platform.messaging.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

import java.util.List;

/**
 * Kafka's answers that concern one record, not the broker: sending the same row again fails the same way however
 * long the relay waits, while the rows of other aggregates go through.
 */
final class RefusedRecords {

    private static final List<Class<? extends Throwable>> REFUSALS = List.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidTopicException.class, InvalidRecordException.class,
            SerializationException.class);

    private RefusedRecords() {
    }

    static boolean refusedOnItsOwn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Throwable current = t;
            if (REFUSALS.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
        }
        return false;
    }
}
