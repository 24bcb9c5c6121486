package dk.raaderum.platform.messaging.consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consumers that wait right now for a transient failure (the database away, a lock) to pass, holding their
 * partition. Metric {@code raaderum.consumer.retrying} (how many); health detail of the messaging check (which, since
 * when, how many attempts, the last cause). Also the stop signal: on shutdown every wait ends at once.
 */
@ApplicationScoped
public class RetryingConsumers {

    /** One consumer's ongoing retry. */
    public record Retry(String consumer, String eventId, Instant since, int attempts, String lastCause) {
    }

    private final Map<String, Retry> retrying = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Object signal = new Object();
    private volatile boolean stopping;

    public RetryingConsumers(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        Gauge.builder("raaderum.consumer.retrying", retrying, Map::size)
                .description("Consumers retrying an event after a transient failure (database unreachable, lock conflict)")
                .register(registry);
    }

    void failed(String consumer, String eventId, int attempts, String cause) {
        retrying.compute(consumer, (name, ongoing) -> new Retry(name, eventId,
                ongoing != null && ongoing.eventId().equals(eventId) ? ongoing.since() : clock.instant(), attempts, cause));
    }

    void recovered(String consumer) {
        retrying.remove(consumer);
    }

    /** The ongoing retries by consumer name. */
    public Map<String, Retry> snapshot() {
        return new TreeMap<>(retrying);
    }

    public boolean stopping() {
        return stopping;
    }

    /** Waits up to {@code millis}; returns false when the application is stopping (at once, not after the wait). */
    boolean await(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (signal) {
            long left;
            while (!stopping && (left = deadline - System.nanoTime()) > 0) {
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return !stopping;
    }

    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
        synchronized (signal) {
            signal.notifyAll();
        }
    }
}
