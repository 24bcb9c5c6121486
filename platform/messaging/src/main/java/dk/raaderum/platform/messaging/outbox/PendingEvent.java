package dk.raaderum.platform.messaging.outbox;

import java.time.Instant;

/** A pending outbox row as the relay needs it, detached from any persistence context. */
record PendingEvent(long id, java.util.UUID eventId, String topic, String key, String eventType, String payload,
        String traceparent, String tracestate, Instant createdAt) {
}
