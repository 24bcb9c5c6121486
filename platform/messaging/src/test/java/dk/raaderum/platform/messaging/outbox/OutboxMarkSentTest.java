package dk.raaderum.platform.messaging.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.events.EventType;
import dk.raaderum.platform.messaging.testapp.NoteEvents;
import dk.raaderum.platform.testing.KafkaTopics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

/**
 * Kafka acknowledged a row but the database refuses to mark it sent: the relay backs off (200 ms doubling to 2 s in
 * the tests) instead of sending the row again at every call, and marks it once the database takes the update again.
 * The refusal is a trigger on this test's topic only; the relay is called every 50 ms meanwhile, as a busy service's
 * commits would call it.
 */
@QuarkusTest
class OutboxMarkSentTest {

    private static final String TOPIC = "platform-test.mark-sent";
    private static final EventType<NoteEvents.NoteChanged> NOTED = new EventType<>(TOPIC, "dk.raaderum.test.mark-sent.v1",
            NoteEvents.NoteChanged.class);
    private static final Duration REFUSING = Duration.ofSeconds(6);

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager entityManager;

    @Test
    void aRefusedMarkSentBacksOffAndTheRowIsMarkedOnceTheDatabaseTakesIt() throws InterruptedException {
        String aggregate = "mark-sent-" + UUID.randomUUID();
        sql("""
                create or replace function test_refuse_mark_sent() returns trigger language plpgsql as $$
                begin
                    if new.topic = '%s' and new.sent_at is not null then
                        raise exception 'mark sent refused for the test';
                    end if;
                    return new;
                end $$""".formatted(TOPIC));
        sql("create trigger test_refuse_mark_sent before update on outbox_event for each row "
                + "execute function test_refuse_mark_sent()");
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(NOTED, aggregate, "573",
                new NoteEvents.NoteChanged(1, "acknowledged but not marked")));

        long until = System.nanoTime() + REFUSING.toNanos();
        int calls = 0;
        while (System.nanoTime() < until) {
            relay.relay();
            calls++;
            Thread.sleep(50);
        }
        int copies = KafkaTopics.collect(TOPIC, r -> aggregate.equals(r.key()), Duration.ofSeconds(3)).size();
        assertTrue(copies >= 2, "the row was sent again after the refused mark (" + copies + " copies)");
        assertTrue(copies <= 10, "with backoff, 6 s of refusals send the row about 6 times, not once per call ("
                + copies + " copies for " + calls + " calls)");

        dropTrigger();
        await().atMost(Duration.ofSeconds(20)).until(() -> sentAt(aggregate));
        int settled = KafkaTopics.collect(TOPIC, r -> aggregate.equals(r.key()), Duration.ofSeconds(3)).size();
        relay.relay();
        assertEquals(settled, KafkaTopics.collect(TOPIC, r -> aggregate.equals(r.key()), Duration.ofSeconds(3)).size(),
                "once marked sent, the row is not sent again");
    }

    @AfterEach
    void dropTrigger() {
        sql("drop trigger if exists test_refuse_mark_sent on outbox_event");
    }

    private boolean sentAt(String aggregate) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from outbox_event where aggregate_id = ?1 and sent_at is not null")
                .setParameter(1, aggregate).getSingleResult()).intValue() == 1);
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(statement).executeUpdate());
    }
}
