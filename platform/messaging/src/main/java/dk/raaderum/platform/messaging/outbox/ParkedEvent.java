package dk.raaderum.platform.messaging.outbox;

import java.time.Instant;
import java.util.UUID;

/** A parked outbox row as an operator sees it. */
public record ParkedEvent(long id, UUID eventId, String topic, String aggregateId, String eventType, Instant createdAt,
        int attempts, Instant parkedAt, String reason) {

    static ParkedEvent of(OutboxEvent row) {
        return new ParkedEvent(row.id, row.eventId, row.topic, row.aggregateId, row.eventType, row.createdAt,
                row.attempts, row.parkedAt, row.parkReason);
    }
}
