package dk.raaderum.platform.messaging.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.events.EventType;
import dk.raaderum.platform.messaging.testapp.NoteEvents;
import dk.raaderum.platform.testing.KafkaTopics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A drain that lasts longer than the lease (3 s in the tests) keeps renewing it: a second instance can never take
 * the lease while this one is still sending.
 */
@QuarkusTest
class OutboxLeaseTest {

    private static final String TOPIC = "platform-test.lease";
    private static final EventType<NoteEvents.NoteChanged> LEASED = new EventType<>(TOPIC, "dk.raaderum.test.lease.v1",
            NoteEvents.NoteChanged.class);
    /** A drain of several seconds with the sends pipelined (6,000 took 2.7 s, 15,000 about 4 s on 2 cores). */
    private static final int EVENTS = 30000;

    @Inject
    Outbox outbox;
    @Inject
    EntityManager entityManager;

    @Test
    void aSecondInstanceCannotTakeTheLeaseWhileALongDrainIsRunning() {
        String run = UUID.randomUUID().toString();
        // The topic exists before the drain, as in production: no send waits for its creation.
        KafkaTopics.send(TOPIC, "warm-up-" + run, "{}");
        List<Outbox.Keyed<NoteEvents.NoteChanged>> events = IntStream.range(0, EVENTS)
                .mapToObj(i -> new Outbox.Keyed<>(run + "-" + i, "573", new NoteEvents.NoteChanged(i, "lease")))
                .toList();
        QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(LEASED, events));
        Instant drainStarted = Instant.now();

        List<Instant> leaseEnds = new ArrayList<>();
        int intrusions = 0;
        try {
            while (pending(run) > 0) {
                leaseEnds.add(leaseUntil());
                intrusions += intrude();
            }
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "update outbox_relay_lease set holder = null, lease_until = null where holder = 'intruder'")
                    .executeUpdate());
        }
        long drainMillis = java.time.Duration.between(drainStarted, Instant.now()).toMillis();
        assertTrue(drainMillis > 3000, "the drain (" + drainMillis + " ms) outlasted the 3 s lease");
        assertEquals(0, intrusions, "no second instance took the lease during the drain");
        assertTrue(leaseEnds.stream().filter(java.util.Objects::nonNull).distinct().count() > 1,
                "the lease was renewed while draining");
    }

    private long pending(String run) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from outbox_event where topic = ?1 and aggregate_id like ?2 and sent_at is null")
                .setParameter(1, TOPIC).setParameter(2, run + "-%").getSingleResult()).longValue());
    }

    private Instant leaseUntil() {
        return QuarkusTransaction.requiringNew().call(() -> (Instant) entityManager.createNativeQuery(
                "select lease_until from outbox_relay_lease where id = 1", Instant.class).getSingleResult());
    }

    /** What a second instance does: the same conditional update as OutboxRepository.acquireLease. */
    private int intrude() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                update outbox_relay_lease set holder = 'intruder', lease_until = now() + interval '3 seconds'
                where id = 1 and (holder is null or lease_until is null or lease_until < now())""").executeUpdate());
    }
}
