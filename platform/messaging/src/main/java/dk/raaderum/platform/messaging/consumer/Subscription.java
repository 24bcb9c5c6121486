package dk.raaderum.platform.messaging.consumer;

import dk.raaderum.platform.events.EventType;

/** Which handler applies an event type: {@code Subscription.on(Events.TARGET_ALLOCATED, readModel::apply)}. */
public record Subscription<T>(EventType<T> type, EventHandler<T> handler) {

    public static <T> Subscription<T> on(EventType<T> type, EventHandler<T> handler) {
        return new Subscription<>(type, handler);
    }
}
