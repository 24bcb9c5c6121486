package dk.raaderum.platform.messaging.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Outbox rows. Every query here is served by an index of the platform migration. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /** Oldest pending rows first (outbox_event_pending_idx). */
    List<PendingEvent> pending(int limit) {
        return getEntityManager().createQuery("""
                select new dk.raaderum.platform.messaging.outbox.PendingEvent(
                    e.id, e.eventId, e.topic, e.aggregateId, e.eventType, e.payload, e.createdAt)
                from OutboxEvent e where e.sentAt is null order by e.id""", PendingEvent.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Inserts rows in one JDBC batch (the identity column numbers them in order), without the persistence context. */
    void insertAll(List<OutboxEvent> rows) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (event_id, topic, aggregate_id, event_type, municipality, payload, created_at,
                                              attempts)
                    values (?, ?, ?, ?, ?, ?, ?, 0)""")) {
                for (OutboxEvent row : rows) {
                    insert.setObject(1, row.eventId);
                    insert.setString(2, row.topic);
                    insert.setString(3, row.aggregateId);
                    insert.setString(4, row.eventType);
                    insert.setString(5, row.municipality);
                    insert.setString(6, row.payload);
                    insert.setTimestamp(7, Timestamp.from(row.createdAt));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    int markSent(List<Long> ids, Instant sentAt) {
        if (ids.isEmpty()) {
            return 0;
        }
        return update("sentAt = ?1, lastError = null where id in ?2 and sentAt is null", sentAt, ids);
    }

    void recordFailure(long id, String error) {
        update("attempts = attempts + 1, lastError = ?1 where id = ?2", truncate(error, 2000), id);
    }

    /** Pending count and the creation time of the oldest pending row. */
    Backlog backlog() {
        Object[] row = getEntityManager()
                .createQuery("select count(e), min(e.createdAt) from OutboxEvent e where e.sentAt is null", Object[].class)
                .getSingleResult();
        return new Backlog(((Number) row[0]).longValue(), Optional.ofNullable((Instant) row[1]));
    }

    long deleteSentBefore(Instant cutoff) {
        return delete("sentAt is not null and sentAt < ?1", cutoff);
    }

    /**
     * Takes or renews the relay lease; true when this holder may relay until {@code until}. One UPDATE, so two
     * instances cannot both win.
     */
    boolean acquireLease(String holder, Instant now, Instant until) {
        return getEntityManager().createNativeQuery("""
                update outbox_relay_lease set holder = ?1, lease_until = ?2
                where id = 1 and (holder is null or holder = ?1 or lease_until is null or lease_until < ?3)""")
                .setParameter(1, holder)
                .setParameter(2, until)
                .setParameter(3, now)
                .executeUpdate() == 1;
    }

    void releaseLease(String holder) {
        getEntityManager().createNativeQuery("update outbox_relay_lease set holder = null, lease_until = null where id = 1 and holder = ?1")
                .setParameter(1, holder)
                .executeUpdate();
    }

    record Backlog(long pending, Optional<Instant> oldestCreatedAt) {
    }

    static String truncate(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
