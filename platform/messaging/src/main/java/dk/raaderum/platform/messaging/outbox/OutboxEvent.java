package dk.raaderum.platform.messaging.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One event waiting in (or already relayed from) the outbox. Written in the business transaction; the relay
 * sets {@link #sentAt} once Kafka acknowledged it.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false, length = 200)
    public String topic;

    @Column(name = "aggregate_id", nullable = false, length = 200)
    public String aggregateId;

    @Column(name = "event_type", nullable = false, length = 200)
    public String eventType;

    @Column(length = 3)
    public String municipality;

    /** The whole CloudEvent as JSON: exactly what goes on the topic. */
    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    /** The W3C trace context the row was written in (null outside a trace); the relay publishes as its child. */
    @Column(length = 55)
    public String traceparent;

    @Column(length = 512)
    public String tracestate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error", length = 2000)
    public String lastError;

    /** How often Kafka refused this row on its own (not because the broker was away). */
    @Column(nullable = false)
    public int refusals;

    /** Set when the row was parked after park-after refusals; the relay skips it and its aggregate's later rows. */
    @Column(name = "parked_at")
    public Instant parkedAt;

    @Column(name = "park_reason", length = 2000)
    public String parkReason;
}
