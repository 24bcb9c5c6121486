package dk.raaderum.platform.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.platform.events.CloudEvent;
import dk.raaderum.platform.events.EventType;
import dk.raaderum.platform.messaging.config.MessagingConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * How a service emits an event: {@link #publish} in the same transaction as the change it describes. The event is
 * a row in {@code outbox_event} until the {@link OutboxRelay} has it acknowledged by Kafka, so a rolled-back
 * transaction publishes nothing and a Kafka outage loses nothing.
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
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.payloadType().getName() + ", not "
                    + payload.getClass().getName());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        JsonNode data = objectMapper.valueToTree(payload);
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type.type(),
                aggregateId, now, CloudEvent.DATA_CONTENT_TYPE, municipality, data);

        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.fromString(event.id());
        row.topic = type.topic();
        row.aggregateId = aggregateId;
        row.eventType = type.type();
        row.municipality = municipality;
        row.payload = toJson(event);
        row.createdAt = now;
        repository.persist(row);
        written.fire(new OutboxWritten(type.topic()));
        return event;
    }

    private String toJson(CloudEvent event) {
        try {
            return objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.type() + " cannot be written as JSON", e);
        }
    }
}
