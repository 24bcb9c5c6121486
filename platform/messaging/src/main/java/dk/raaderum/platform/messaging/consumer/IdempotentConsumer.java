package dk.raaderum.platform.messaging.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.platform.events.CloudEvent;
import dk.raaderum.platform.messaging.config.MessagingConfig;
import dk.raaderum.platform.messaging.tracing.EventTracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/**
 * Processes each event exactly once in effect. For one Kafka record:
 * <ol>
 * <li>parse the CloudEvent and its payload (the rest runs in a span of the event's trace: {@link EventTracing}); a
 * record that cannot be parsed, or has a type nobody here subscribes to, is poison: {@link PoisonMessageException},
 * straight to the dead-letter topic. Payload fields this consumer does not know are ignored: a producer may add
 * optional fields to a v1 payload (docs/events.md, Versioning);</li>
 * <li>in one transaction: insert (consumer, event id) into {@code processed_event} (on conflict: it was processed
 * before, do nothing) and run the handler; both commit or neither does;</li>
 * <li>if the attempt fails, the cause chain decides ({@link FailureClassifier}): a TRANSIENT failure (database
 * unreachable, pool exhausted, lock timeout, serialization failure, deadlock) is retried without limit with capped
 * exponential backoff, so the record waits (and holds its partition) instead of being dead-lettered; POISON
 * ({@link PoisonMessageException} from a handler, bean validation, a constraint or data error) is dead-lettered at
 * once; anything else is tried up to max-attempts with a short growing pause, then {@link EventProcessingException}.
 * </li>
 * </ol>
 * Ongoing transient retries are visible in {@link RetryingConsumers}; on shutdown they end with
 * {@link ConsumerStoppingException}, which the platform's failure strategy neither dead-letters nor commits.
 * The calling {@code @Incoming} method lets the exception escape: the channel's dead-letter-queue failure
 * strategy sends the record to {@code <topic>.dlq} with the reason and commits, so the partition keeps moving.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final MessagingConfig.Consumer config;
    private final RetryingConsumers retrying;
    private final EventTracing tracing;

    public IdempotentConsumer(EntityManager entityManager, ObjectMapper objectMapper, Clock clock,
            MessagingConfig config, RetryingConsumers retrying, EventTracing tracing) {
        this.retrying = retrying;
        this.tracing = tracing;
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.config = config.consumer();
    }

    /** The outcome, mostly for tests and logs. */
    public enum Outcome {
        PROCESSED, DUPLICATE
    }

    /**
     * @param consumer a stable name of this consumer (e.g. {@code target-service.proposal-adopted}); the same
     *        event is processed once per consumer name
     */
    public Outcome process(String consumer, ConsumerRecord<String, String> record, Subscription<?>... subscriptions) {
        CloudEvent envelope = parse(record);
        Span span = tracing.startProcessing(consumer, envelope, record);
        try (Scope scope = span.makeCurrent()) {
            return dispatch(consumer, record, envelope, subscriptions);
        } catch (RuntimeException e) {
            EventTracing.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private Outcome dispatch(String consumer, ConsumerRecord<String, String> record, CloudEvent envelope,
            Subscription<?>... subscriptions) {
        Subscription<?> subscription = Arrays.stream(subscriptions)
                .filter(s -> s.type().type().equals(envelope.type()))
                .findFirst()
                .orElseThrow(() -> new PoisonMessageException("Consumer " + consumer + " does not handle event type '"
                        + envelope.type() + "' (event " + envelope.id() + " on " + record.topic() + ")", null));
        return processTyped(consumer, record, envelope, subscription);
    }

    private <T> Outcome processTyped(String consumer, ConsumerRecord<String, String> record, CloudEvent envelope,
            Subscription<T> subscription) {
        T payload;
        try {
            payload = objectMapper.readerFor(subscription.type().payloadType())
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .treeToValue(envelope.data(), subscription.type().payloadType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonMessageException("Event " + envelope.id() + " of type " + envelope.type()
                    + " has a payload that does not fit " + subscription.type().payloadType().getSimpleName() + ": "
                    + rootMessage(e), e);
        }
        IncomingEvent<T> event = new IncomingEvent<>(envelope, payload, record.topic(), record.partition(),
                record.offset());
        return applyWithRetries(consumer, event, subscription);
    }

    /**
     * Applies the event until it succeeds. A transient failure is retried without limit (capped exponential
     * backoff): the record is not skipped, the partition waits. Poison is thrown at once; anything else after
     * max-attempts. On shutdown a transient wait ends with {@link ConsumerStoppingException}.
     */
    private <T> Outcome applyWithRetries(String consumer, IncomingEvent<T> event, Subscription<T> subscription) {
        int attempts = 0;
        int transientAttempts = 0;
        while (true) {
            try {
                Outcome outcome = applyOnce(consumer, event, subscription);
                if (transientAttempts > 0) {
                    retrying.recovered(consumer);
                    LOG.infof("%s: event %s (%s) applied after %d transient failure(s)", consumer, event.id(),
                            event.envelope().type(), transientAttempts);
                }
                return outcome;
            } catch (RuntimeException e) {
                FailureKind kind = FailureClassifier.classify(e);
                if (kind == FailureKind.TRANSIENT) {
                    transientAttempts++;
                    waitOutTransient(consumer, event, transientAttempts, e);
                    continue;
                }
                retrying.recovered(consumer);
                if (kind == FailureKind.POISON) {
                    throw asPoison(consumer, event, e);
                }
                attempts++;
                LOG.warnf("%s: attempt %d/%d for event %s (%s) failed: %s", consumer, attempts, config.maxAttempts(),
                        event.id(), event.envelope().type(), rootMessage(e));
                if (attempts >= config.maxAttempts()) {
                    throw new EventProcessingException(consumer + " failed " + config.maxAttempts() + " times on event "
                            + event.id() + " (" + event.envelope().type() + "): " + rootMessage(e), e);
                }
                pause(attempts);
            }
        }
    }

    private <T> Outcome applyOnce(String consumer, IncomingEvent<T> event, Subscription<T> subscription) {
        boolean fresh = QuarkusTransaction.requiringNew().call(() -> {
            if (!recordProcessed(consumer, event.envelope())) {
                return false;
            }
            subscription.handler().handle(event);
            return true;
        });
        if (!fresh) {
            LOG.debugf("%s: event %s (%s) was processed before; skipped", consumer, event.id(), event.envelope().type());
            return Outcome.DUPLICATE;
        }
        return Outcome.PROCESSED;
    }

    /** Waits before the next attempt after a transient failure; throws when the application stops meanwhile. */
    private void waitOutTransient(String consumer, IncomingEvent<?> event, int attempt, RuntimeException failure) {
        String cause = rootMessage(failure);
        retrying.failed(consumer, event.id(), attempt, cause);
        long factor = 1L << Math.min(attempt - 1, 20);
        long wait = Math.min(config.transientInitialBackoff().toMillis() * factor, config.transientMaxBackoff().toMillis());
        if (attempt == 1 || Long.bitCount(attempt) == 1) {
            LOG.warnf("%s: event %s (%s) waits for a transient failure to pass (attempt %d, next in %d ms): %s",
                    consumer, event.id(), event.envelope().type(), attempt, wait, cause);
        }
        if (retrying.stopping() || !retrying.await(wait)) {
            retrying.recovered(consumer);
            throw new ConsumerStoppingException(consumer + " stops while event " + event.id()
                    + " waits for a transient failure; it is read again after the restart", failure);
        }
    }

    private static PoisonMessageException asPoison(String consumer, IncomingEvent<?> event, RuntimeException e) {
        PoisonMessageException poison = poison(e);
        if (poison != null) {
            return poison;
        }
        return new PoisonMessageException(consumer + " can never apply event " + event.id() + " ("
                + event.envelope().type() + "): " + rootMessage(e), e);
    }

    /** Inserts the processed-event row; false when it was there already (a redelivery). */
    private boolean recordProcessed(String consumer, CloudEvent envelope) {
        return entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, event_type, processed_at) values (?1, ?2, ?3, ?4)
                on conflict (consumer, event_id) do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, envelope.id())
                .setParameter(3, envelope.type())
                .setParameter(4, clock.instant())
                .executeUpdate() == 1;
    }

    private CloudEvent parse(ConsumerRecord<String, String> record) {
        if (record.value() == null || record.value().isBlank()) {
            throw new PoisonMessageException("Empty record at " + where(record), null);
        }
        try {
            CloudEvent envelope = objectMapper.readValue(record.value(), CloudEvent.class);
            if (envelope.data() == null || envelope.data().isNull()) {
                throw new PoisonMessageException("CloudEvent " + envelope.id() + " at " + where(record) + " has no data",
                        null);
            }
            return envelope;
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof PoisonMessageException poison) {
                throw poison;
            }
            throw new PoisonMessageException("Not a CloudEvent at " + where(record) + ": " + rootMessage(e), e);
        }
    }

    /** A handler that finds the event can never be processed says so: no retries then. */
    private static PoisonMessageException poison(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonMessageException poison) {
                return poison;
            }
        }
        return null;
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(config.retryBackoff().toMillis() * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String where(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Optional.ofNullable(root.getMessage()).orElse(root.getClass().getSimpleName());
    }
}
