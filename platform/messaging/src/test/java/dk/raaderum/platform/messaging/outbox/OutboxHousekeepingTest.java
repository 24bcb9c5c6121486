package dk.raaderum.platform.messaging.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Housekeeping deletes relayed rows and processed-event ids after their retention, and nothing else. */
@QuarkusTest
class OutboxHousekeepingTest {

    @Inject
    OutboxHousekeeping housekeeping;
    @Inject
    EntityManager entityManager;

    @Test
    void deletesOnlyRelayedRowsAndProcessedIdsPastTheirRetention() {
        Instant now = Instant.now();
        UUID sentLongAgo = outboxRow(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)), false);
        UUID sentYesterday = outboxRow(now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)), false);
        UUID pendingLongAgo = outboxRow(now.minus(Duration.ofDays(9)), null, false);
        UUID parkedLongAgo = outboxRow(now.minus(Duration.ofDays(9)), null, true);
        String forgotten = processed(now.minus(Duration.ofDays(31)));
        String remembered = processed(now.minus(Duration.ofDays(29)));

        housekeeping.cleanUp();

        assertEquals(0, count("outbox_event", "event_id", sentLongAgo), "relayed 8 days ago: retention is 7 days");
        assertEquals(1, count("outbox_event", "event_id", sentYesterday));
        assertEquals(1, count("outbox_event", "event_id", pendingLongAgo), "never sent: kept however old");
        assertEquals(1, count("outbox_event", "event_id", parkedLongAgo), "parked: kept for the operator");
        assertEquals(0, count("processed_event", "event_id", forgotten), "processed 31 days ago: retention is 30 days");
        assertEquals(1, count("processed_event", "event_id", remembered));
    }

    private UUID outboxRow(Instant created, Instant sent, boolean parked) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into outbox_event (event_id, topic, aggregate_id, event_type, payload, created_at, sent_at,
                                          parked_at, park_reason)
                values (?1, 'platform-test.housekeeping', ?2, 'dk.raaderum.test.housekeeping.v1', '{}', ?3, ?4, ?5, ?6)""")
                .setParameter(1, id).setParameter(2, "housekeeping-" + id).setParameter(3, created)
                .setParameter(4, sent).setParameter(5, parked ? created : null)
                .setParameter(6, parked ? "test" : null).executeUpdate());
        return id;
    }

    private String processed(Instant at) {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, event_type, processed_at)
                values ('platform-test.housekeeping', ?1, 'dk.raaderum.test.housekeeping.v1', ?2)""")
                .setParameter(1, id).setParameter(2, at).executeUpdate());
        return id;
    }

    private long count(String table, String column, Object id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from " + table + " where " + column + " = ?1")
                .setParameter(1, id).getSingleResult()).longValue());
    }
}
