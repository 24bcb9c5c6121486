package dk.raaderum.platform.messaging.outbox;

/** CDI event fired when a transaction wrote to the outbox; observed after commit to wake the relay. */
public record OutboxWritten(String topic) {
}
