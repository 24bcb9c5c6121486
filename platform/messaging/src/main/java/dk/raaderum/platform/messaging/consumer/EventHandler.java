package dk.raaderum.platform.messaging.consumer;

/** Applies one event to the consumer's own data; runs inside the transaction that records the event id. */
@FunctionalInterface
public interface EventHandler<T> {

    void handle(IncomingEvent<T> event) throws Exception;
}
