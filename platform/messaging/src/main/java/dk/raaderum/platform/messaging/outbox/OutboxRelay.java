package dk.raaderum.platform.messaging.outbox;

import dk.raaderum.platform.events.CloudEvent;
import dk.raaderum.platform.messaging.config.MessagingConfig;
import dk.raaderum.platform.messaging.tracing.EventTracing;

import io.micrometer.core.instrument.Gauge;
import io.opentelemetry.context.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes pending outbox rows to Kafka, oldest first, outside any business transaction.
 * <ul>
 * <li>A row is marked sent only after the broker acknowledged it (acks=all, idempotent producer).</li>
 * <li>Rows are sent in the order they were written, without waiting for each acknowledgement (up to
 * {@value #IN_FLIGHT} at a time), except that a row waits for the acknowledgement of an earlier row of the same
 * aggregate: an aggregate's events never overtake one another, even when Kafka refuses one of them. A round stops at
 * the first failure; the failed row and everything after it stay pending (rows after it that Kafka had acknowledged
 * are sent again: consumers deduplicate).</li>
 * <li>After a failure the relay backs off exponentially (initial-backoff … max-backoff); when Kafka returns, the
 * backlog drains in order. Consumers deduplicate on the event id, so a resend after a crash is harmless.</li>
 * <li>A lease row lets only one instance relay at a time; it is renewed once a third of it has passed, in a round
 * or while a long backlog drains, so most rounds cost no write for it.</li>
 * <li>A row Kafka refuses on its own (too large, invalid topic: {@link RefusedRecords}) is parked after park-after
 * refusals; the relay goes on with other aggregates, and the parked aggregate's later rows wait behind it, in order.
 * A broker that is away never parks anything: every row would fail, the relay only backs off.</li>
 * <li>It runs after every commit that wrote to the outbox, and every poll-interval.</li>
 * <li>Each event is published as a child of the trace context its row was written in, so the producer span and the
 * record's {@code traceparent} header continue the request's trace ({@link EventTracing}).</li>
 * </ul>
 * Metrics: {@code raaderum.outbox.pending} (rows, parked ones not included), {@code raaderum.outbox.oldest.pending.age}
 * (seconds) and {@code raaderum.outbox.parked} (rows).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String CHANNEL = "raaderum-outbox";
    /** Sends awaiting their acknowledgement at most; below the emitter's buffer and the Kafka sink's in-flight limit. */
    static final int IN_FLIGHT = 64;

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
    private final AtomicLong parked = new AtomicLong();
    private volatile int consecutiveFailures;
    private volatile Instant notBefore = Instant.EPOCH;
    private final Lease lease = new Lease();

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
        Gauge.builder("raaderum.outbox.parked", parked, AtomicLong::get)
                .description("Outbox events parked after Kafka refused them repeatedly; they wait for POST "
                        + "/admin/outbox/parked/retry").register(registry);
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
                Duration wait = backOff();
                LOG.warnf("Outbox relay round failed (%s); next attempt in %d ms", rootMessage(e), wait.toMillis());
            } finally {
                running.unlock();
                refreshBacklog();
            }
        }
    }

    private void relayRound() {
        if (!lease.renewIfDue()) {
            return;
        }
        while (!stopped.get()) {
            List<PendingEvent> batch = QuarkusTransaction.requiringNew().call(() -> repository.pending(config.batchSize()));
            if (batch.isEmpty()) {
                return;
            }
            BatchResult result = sendBatch(batch);
            if (!markSent(result.sent())) {
                return;
            }
            if (result.failed() != null) {
                if (!onFailure(result.failed(), result.failure())) {
                    return;
                }
                continue; // the row was parked: go on at once with the other aggregates
            }
            if (result.leaseLost()) {
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

    /** What one batch came to: the ids acknowledged, and the row that failed (then the rest was not tried). */
    private record BatchResult(List<Long> sent, PendingEvent failed, Throwable failure, boolean leaseLost) {
    }

    private BatchResult sendBatch(List<PendingEvent> batch) {
        List<Long> sent = new ArrayList<>(batch.size());
        List<InFlight> window = new ArrayList<>();
        Set<String> aggregates = new HashSet<>();
        for (PendingEvent event : batch) {
            if (stopped.get() || !lease.renewIfDue()) {
                BatchResult failed = settle(window, sent);
                return failed != null ? failed : new BatchResult(sent, null, null, true);
            }
            if (window.size() == IN_FLIGHT || !aggregates.add(event.key())) {
                BatchResult failed = settle(window, sent);
                if (failed != null) {
                    return failed;
                }
                aggregates.clear();
                aggregates.add(event.key());
            }
            window.add(new InFlight(event, emitter.sendMessage(toMessage(event)).subscribeAsCompletionStage()));
        }
        BatchResult failed = settle(window, sent);
        return failed != null ? failed : new BatchResult(sent, null, null, false);
    }

    /** One send awaiting Kafka's acknowledgement. */
    private record InFlight(PendingEvent event, CompletableFuture<Void> acknowledged) {
    }

    /**
     * Awaits the window's acknowledgements in the order the rows were written and empties it: the acknowledged rows up
     * to the first failure go to {@code sent}; the first failure, if any, is the batch's result (null: none).
     */
    private static BatchResult settle(List<InFlight> window, List<Long> sent) {
        try {
            for (InFlight send : window) {
                try {
                    send.acknowledged().join();
                    sent.add(send.event().id());
                } catch (CompletionException | CancellationException e) {
                    return new BatchResult(sent, send.event(), e.getCause() == null ? e : e.getCause(), false);
                }
            }
            return null;
        } finally {
            window.clear();
        }
    }

    /** Marks acknowledged rows sent; when the database refuses, backs off (the rows are sent again later). */
    private boolean markSent(List<Long> sent) {
        Instant sentAt = clock.instant();
        try {
            QuarkusTransaction.requiringNew().run(() -> repository.markSent(sent, sentAt));
            return true;
        } catch (RuntimeException e) {
            Duration wait = backOff();
            LOG.warnf("Outbox relay: %d event(s) sent but not marked sent (%s); next attempt in %d ms (they are sent "
                    + "again, consumers deduplicate)", sent.size(), rootMessage(e), wait.toMillis());
            return false;
        }
    }

    /**
     * The relay's lease: taken by the first round and renewed, at the start of a round or while draining, once a third
     * of it has passed, so that a drain longer than the lease never lets a second instance relay at the same time. One
     * send may take up to max.block.ms + delivery.timeout.ms (15 s by default); two thirds of the lease must cover it
     * (30 s: 20 s). Lost (another instance holds it), it is asked for again at the next round.
     */
    private final class Lease {

        private volatile Instant renewedAt = Instant.EPOCH;

        boolean renewIfDue() {
            Instant now = clock.instant();
            if (now.isBefore(renewedAt.plus(config.lease().dividedBy(3)))) {
                return true;
            }
            boolean held = QuarkusTransaction.requiringNew()
                    .call(() -> repository.acquireLease(holder, now, now.plus(config.lease())));
            if (held) {
                renewedAt = now;
            } else if (!renewedAt.equals(Instant.EPOCH)) {
                renewedAt = Instant.EPOCH;
                LOG.warnf("Outbox relay: the lease passed to another instance; this one stops relaying until it is free");
            }
            return held;
        }
    }

    /**
     * A row Kafka refused on its own (too large, invalid topic) counts towards parking; once parked, the round goes
     * on (returns true). Any other failure (the broker away, a timeout) only backs off: it would fail for every row.
     */
    private boolean onFailure(PendingEvent event, Throwable failure) {
        String error = rootMessage(failure);
        if (RefusedRecords.refusedOnItsOwn(failure)) {
            boolean parked = QuarkusTransaction.requiringNew()
                    .call(() -> repository.recordRefusal(event.id(), error, config.parkAfter(), clock.instant()));
            if (parked) {
                LOG.errorf("Outbox relay: event %s (%s) to %s PARKED after %d refusals (%s); later events of aggregate "
                        + "%s wait behind it until it is re-queued", event.eventId(), event.eventType(), event.topic(),
                        config.parkAfter(), error, event.key());
                return true;
            }
        } else {
            QuarkusTransaction.requiringNew().run(() -> repository.recordFailure(event.id(), error));
        }
        Duration wait = backOff();
        LOG.warnf("Outbox relay: event %s (%s) to %s not acknowledged (%s); %d event(s) wait, next attempt in %d ms",
                event.eventId(), event.eventType(), event.topic(), error, pending.get(), wait.toMillis());
        return false;
    }

    private Duration backOff() {
        consecutiveFailures++;
        long factor = 1L << Math.min(consecutiveFailures - 1, 16);
        Duration wait = config.initialBackoff().multipliedBy(factor);
        if (wait.compareTo(config.maxBackoff()) > 0) {
            wait = config.maxBackoff();
        }
        notBefore = clock.instant().plus(wait);
        return wait;
    }

    /** Re-queues parked rows (all, or the given ids) and relays soon; returns how many were re-queued. */
    public int requeueParked(List<Long> ids) {
        int requeued = QuarkusTransaction.requiringNew().call(() -> repository.requeueParked(ids));
        if (requeued > 0) {
            LOG.infof("Outbox relay: %d parked event(s) re-queued", requeued);
            notBefore = Instant.EPOCH;
            Infrastructure.getDefaultWorkerPool().execute(this::relay);
        }
        return requeued;
    }

    /** The parked rows, oldest first. */
    public List<ParkedEvent> parked(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> repository.parked(limit).stream().map(ParkedEvent::of)
                .toList());
    }

    public long pendingCount() {
        return pending.get();
    }

    public long parkedCount() {
        return parked.get();
    }

    private static Message<String> toMessage(PendingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.key())
                .withHeaders(headers)
                .build();
        Context parent = EventTracing.parentOf(event.traceparent(), event.tracestate());
        return Message.of(event.payload(), Metadata.of(metadata, TracingMetadata.withCurrent(parent)));
    }

    private void refreshBacklog() {
        try {
            OutboxRepository.Backlog backlog = QuarkusTransaction.requiringNew().call(repository::backlog);
            pending.set(backlog.pending());
            parked.set(backlog.parked());
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
