package dk.raaderum.platform.messaging.outbox;

import dk.raaderum.platform.events.CloudEvent;
import dk.raaderum.platform.messaging.config.MessagingConfig;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.event.TransactionPhase;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes pending outbox rows to Kafka, oldest first, outside any business transaction.
 * <ul>
 * <li>A row is marked sent only after the broker acknowledged it (acks=all, idempotent producer).</li>
 * <li>Rows are sent one after the other and a round stops at the first failure, so events leave in the order
 * they were written; the failed row and everything after it stay pending.</li>
 * <li>After a failure the relay backs off exponentially (initial-backoff … max-backoff); when Kafka returns, the
 * backlog drains in order. Consumers deduplicate on the event id, so a resend after a crash is harmless.</li>
 * <li>A lease row lets only one instance relay at a time.</li>
 * <li>It runs after every commit that wrote to the outbox, and every poll-interval.</li>
 * </ul>
 * Metrics: {@code raaderum.outbox.pending} (rows) and {@code raaderum.outbox.oldest.pending.age} (seconds).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String CHANNEL = "raaderum-outbox";

    private final OutboxRepository repository;
    private final MutinyEmitter<String> emitter;
    private final Clock clock;
    private final MessagingConfig.Outbox config;
    private final String holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private volatile int consecutiveFailures;
    private volatile Instant notBefore = Instant.EPOCH;

    public OutboxRelay(OutboxRepository repository, @Channel(CHANNEL) MutinyEmitter<String> emitter, Clock clock,
            MessagingConfig config, MeterRegistry registry) {
        this.repository = repository;
        this.emitter = emitter;
        this.clock = clock;
        this.config = config.outbox();
        Gauge.builder("raaderum.outbox.pending", pending, AtomicLong::get)
                .description("Outbox events not yet acknowledged by Kafka").register(registry);
        Gauge.builder("raaderum.outbox.oldest.pending.age", oldestPendingSeconds, AtomicLong::get)
                .description("Age in seconds of the oldest outbox event not yet acknowledged by Kafka")
                .baseUnit("seconds").register(registry);
    }

    @Scheduled(every = "${raaderum.messaging.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Readiness.class)
    void poll() {
        relay();
    }

    /** After a commit that wrote to the outbox: relay soon, without blocking the committing request. */
    static void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written, Readiness readiness,
            OutboxRelay relay) {
        if (readiness.ready) {
            Infrastructure.getDefaultWorkerPool().execute(relay::relay);
        }
    }

    /**
     * The relay's channel exists only once Reactive Messaging has wired it at start-up; until then the relay bean
     * (which injects the emitter) must not be created. The poller skips, and commits made during start-up (e.g. demo
     * data) wait for the first poll.
     */
    @jakarta.inject.Singleton
    static class Readiness implements Scheduled.SkipPredicate {

        private volatile boolean ready;

        void onStart(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER + 500)
                io.quarkus.runtime.StartupEvent event) {
            ready = true;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !ready;
        }
    }

    /** Only if the relay ever ran (IF_EXISTS): gives up the lease so another instance can take over at once. */
    void onStop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> repository.releaseLease(holder));
        } catch (RuntimeException e) {
            LOG.debugf("Could not release the outbox lease on shutdown: %s", e.getMessage());
        }
    }

    /**
     * Sends what is pending now. Concurrent calls coalesce: a call that finds a round running asks it to go once
     * more instead of waiting. The request is made before trying to run and checked again after the runner lets go,
     * so a request made just as a round ends is never lost (it would wait for the next poll, a second later).
     */
    public void relay() {
        again.set(true);
        while (again.get() && running.tryLock()) {
            try {
                while (again.getAndSet(false)) {
                    if (stopped.get() || clock.instant().isBefore(notBefore)) {
                        break;
                    }
                    relayRound();
                }
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay round failed: %s", e.toString());
            } finally {
                running.unlock();
                refreshBacklog();
            }
        }
    }

    private void relayRound() {
        Instant now = clock.instant();
        boolean leader = QuarkusTransaction.requiringNew()
                .call(() -> repository.acquireLease(holder, now, now.plus(config.lease())));
        if (!leader) {
            return;
        }
        while (!stopped.get()) {
            List<PendingEvent> batch = QuarkusTransaction.requiringNew().call(() -> repository.pending(config.batchSize()));
            if (batch.isEmpty()) {
                return;
            }
            List<Long> sent = new ArrayList<>(batch.size());
            PendingEvent failed = null;
            Throwable failure = null;
            for (PendingEvent event : batch) {
                try {
                    emitter.sendMessageAndAwait(toMessage(event));
                    sent.add(event.id());
                } catch (RuntimeException e) {
                    failed = event;
                    failure = e;
                    break;
                }
            }
            Instant sentAt = clock.instant();
            QuarkusTransaction.requiringNew().run(() -> repository.markSent(sent, sentAt));
            if (failed != null) {
                onFailure(failed, failure);
                return;
            }
            if (consecutiveFailures > 0) {
                LOG.infof("Outbox relay: Kafka accepts events again after %d failed attempt(s)", consecutiveFailures);
            }
            consecutiveFailures = 0;
            if (batch.size() < config.batchSize()) {
                return;
            }
        }
    }

    private void onFailure(PendingEvent event, Throwable failure) {
        consecutiveFailures++;
        long factor = 1L << Math.min(consecutiveFailures - 1, 16);
        Duration wait = config.initialBackoff().multipliedBy(factor);
        if (wait.compareTo(config.maxBackoff()) > 0) {
            wait = config.maxBackoff();
        }
        notBefore = clock.instant().plus(wait);
        String error = rootMessage(failure);
        QuarkusTransaction.requiringNew().run(() -> repository.recordFailure(event.id(), error));
        LOG.warnf("Outbox relay: event %s (%s) to %s not acknowledged (%s); %d event(s) wait, next attempt in %d ms",
                event.eventId(), event.eventType(), event.topic(), error, pending.get(), wait.toMillis());
    }

    private static Message<String> toMessage(PendingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.key())
                .withHeaders(headers)
                .build();
        return Message.of(event.payload(), Metadata.of(metadata));
    }

    private void refreshBacklog() {
        try {
            OutboxRepository.Backlog backlog = QuarkusTransaction.requiringNew().call(repository::backlog);
            pending.set(backlog.pending());
            oldestPendingSeconds.set(backlog.oldestCreatedAt()
                    .map(created -> Math.max(0, Duration.between(created, clock.instant()).toSeconds()))
                    .orElse(0L));
        } catch (RuntimeException e) {
            LOG.debugf("Could not read the outbox backlog: %s", e.getMessage());
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
