package dk.raaderum.platform.messaging.consumer;

import dk.raaderum.platform.events.CloudEvent;

import java.time.Instant;

/**
 * An event as a handler sees it: the typed payload plus the envelope (id, subject = aggregate id, municipality,
 * time) and where it was read from.
 */
public record IncomingEvent<T>(CloudEvent envelope, T payload, String topic, int partition, long offset) {

    public String id() {
        return envelope.id();
    }

    public String subject() {
        return envelope.subject();
    }

    public String municipality() {
        return envelope.municipality();
    }

    public Instant time() {
        return envelope.time();
    }
}
