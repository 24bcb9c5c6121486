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

    /**
     * Oldest pending rows first (outbox_event_pending_idx), without parked rows and without the later rows of an
     * aggregate that has a parked row (outbox_event_parked_idx): they wait behind it, in order.
     */
    List<PendingEvent> pending(int limit) {
        return getEntityManager().createQuery("""
                select new dk.raaderum.platform.messaging.outbox.PendingEvent(
                    e.id, e.eventId, e.topic, e.aggregateId, e.eventType, e.payload, e.traceparent, e.tracestate,
                    e.createdAt)
                from OutboxEvent e where e.sentAt is null and e.parkedAt is null
                and not exists (select 1 from OutboxEvent p
                                where p.parkedAt is not null and p.sentAt is null and p.aggregateId = e.aggregateId)
                order by e.id""", PendingEvent.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Inserts rows in one JDBC batch (the identity column numbers them in order), without the persistence context. */
    void insertAll(List<OutboxEvent> rows) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (event_id, topic, aggregate_id, event_type, municipality, payload, created_at,
                                              traceparent, tracestate, attempts)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")) {
                for (OutboxEvent row : rows) {
                    insert.setObject(1, row.eventId);
                    insert.setString(2, row.topic);
                    insert.setString(3, row.aggregateId);
                    insert.setString(4, row.eventType);
                    insert.setString(5, row.municipality);
                    insert.setString(6, row.payload);
                    insert.setTimestamp(7, Timestamp.from(row.createdAt));
                    insert.setString(8, row.traceparent);
                    insert.setString(9, row.tracestate);
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

    /**
     * Counts a refusal of the row by Kafka (the broker answered, but not for this row) and parks the row once it was
     * refused {@code parkAfter} times. True when the row is parked now.
     */
    boolean recordRefusal(long id, String error, int parkAfter, Instant now) {
        String reason = truncate(error, 2000);
        getEntityManager().createNativeQuery("""
                update outbox_event set attempts = attempts + 1, refusals = refusals + 1, last_error = ?1,
                    parked_at = case when refusals + 1 >= ?2 then cast(?3 as timestamptz) end,
                    park_reason = case when refusals + 1 >= ?2 then ?1 end
                where id = ?4 and sent_at is null""")
                .setParameter(1, reason)
                .setParameter(2, parkAfter)
                .setParameter(3, now)
                .setParameter(4, id)
                .executeUpdate();
        return count("id = ?1 and parkedAt is not null", id) == 1;
    }

    /** Parked rows, oldest first. */
    List<OutboxEvent> parked(int limit) {
        return find("sentAt is null and parkedAt is not null order by id").page(0, limit).list();
    }

    /** Puts parked rows back in line (all of them, or those with the given ids); returns how many. */
    int requeueParked(List<Long> ids) {
        String which = "sentAt is null and parkedAt is not null" + (ids.isEmpty() ? "" : " and id in ?1");
        String set = "parkedAt = null, parkReason = null, refusals = 0 where " + which;
        return ids.isEmpty() ? update(set) : update(set, ids);
    }

    /** Pending count (parked rows not included), the creation time of the oldest pending row, parked count. */
    Backlog backlog() {
        Object[] row = getEntityManager().createQuery("""
                select count(e), min(e.createdAt) from OutboxEvent e where e.sentAt is null and e.parkedAt is null""",
                Object[].class)
                .getSingleResult();
        long parked = count("sentAt is null and parkedAt is not null");
        return new Backlog(((Number) row[0]).longValue(), Optional.ofNullable((Instant) row[1]), parked);
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

    record Backlog(long pending, Optional<Instant> oldestCreatedAt, long parked) {
    }

    static String truncate(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
