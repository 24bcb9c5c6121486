package dk.raaderum.platform.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.platform.events.CloudEvent;
import dk.raaderum.platform.events.EventType;
import dk.raaderum.platform.messaging.config.MessagingConfig;
import dk.raaderum.platform.messaging.tracing.EventTracing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * How a service emits an event: {@link #publish} in the same transaction as the change it describes. The event is
 * a row in {@code outbox_event} until the {@link OutboxRelay} has it acknowledged by Kafka, so a rolled-back
 * transaction publishes nothing and a Kafka outage loses nothing.
 * Each event carries the trace context it was written in ({@link EventTracing}).
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Event<OutboxWritten> written;
    private final String source;

    public Outbox(OutboxRepository repository, ObjectMapper objectMapper, Clock clock, Event<OutboxWritten> written,
            MessagingConfig config) {
        this.repository = repository;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.written = written;
        this.source = config.source();
    }

    /**
     * Records an event in the caller's transaction (there must be one).
     *
     * @param aggregateId the id of the changed aggregate: CloudEvents subject and Kafka key
     * @param municipality the municipality code the event belongs to, or null for a cross-municipal event
     * @return the envelope as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> CloudEvent publish(EventType<T> type, String aggregateId, String municipality, T payload) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Prepared prepared = prepare(type, new Keyed<>(aggregateId, municipality, payload), now);
        repository.persist(prepared.row());
        written.fire(new OutboxWritten(type.topic()));
        return prepared.envelope();
    }

    /** One event of {@link #publishAll}: the aggregate it is about, its municipality (or null) and its payload. */
    public record Keyed<T>(String aggregateId, String municipality, T payload) {
    }

    /**
     * Records many events of one type in the caller's transaction with one batched insert, in list order: for bulk
     * work (an import of thousands of rows), where a row per {@link #publish} would cost a round trip each. The events
     * should be of different aggregates, or in their order within the list.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> void publishAll(EventType<T> type, List<Keyed<T>> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<OutboxEvent> rows = events.stream().map(event -> prepare(type, event, now).row()).toList();
        repository.insertAll(rows);
        written.fire(new OutboxWritten(type.topic()));
    }

    /** An outbox row and the envelope it holds as JSON. */
    private record Prepared(OutboxEvent row, CloudEvent envelope) {
    }

    private <T> Prepared prepare(EventType<T> type, Keyed<T> event, Instant now) {
        Objects.requireNonNull(event.aggregateId(), "aggregateId");
        Objects.requireNonNull(event.payload(), "payload");
        if (!type.payloadType().isInstance(event.payload())) {
            throw new IllegalArgumentException(type.type() + " carries " + type.payloadType().getName() + ", not "
                    + event.payload().getClass().getName());
        }
        JsonNode data = objectMapper.valueToTree(event.payload());
        EventTracing.TraceContext trace = EventTracing.current();
        CloudEvent envelope = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type.type(),
                event.aggregateId(), now, CloudEvent.DATA_CONTENT_TYPE, event.municipality(), trace.traceparent(),
                trace.tracestate(), data);
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.fromString(envelope.id());
        row.topic = type.topic();
        row.aggregateId = event.aggregateId();
        row.eventType = type.type();
        row.municipality = event.municipality();
        row.payload = toJson(envelope);
        row.traceparent = trace.traceparent();
        row.tracestate = trace.tracestate();
        row.createdAt = now;
        return new Prepared(row, envelope);
    }

    private String toJson(CloudEvent event) {
        try {
            return objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.type() + " cannot be written as JSON", e);
        }
    }
}
