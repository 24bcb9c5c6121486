package dk.raaderum.followup.repository;

import dk.raaderum.followup.domain.ReportSlot;
import dk.raaderum.followup.domain.SlotStatus;
import dk.raaderum.platform.web.http.PageOf;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
public class ReportSlotRepository implements PanacheRepository<ReportSlot> {

    /**
     * Locks up to {@code limit} pending slots whose due date is before {@code today} (report_slot_pending_due_idx),
     * and their initiatives. SKIP LOCKED lets several instances share the work without marking a slot twice, and
     * leaves out the slots of an initiative that a report, decision or other change holds locked: that change reads
     * and writes the initiative undisturbed, and the slot is marked on the job's next run.
     */
    public List<ReportSlot> lockPastDue(LocalDate today, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> ids = getEntityManager().createNativeQuery("""
                select s.id from report_slot s join initiative i on i.id = s.initiative_id
                where s.status = 'PENDING' and s.due_date < ?1
                order by s.due_date, s.id limit ?2 for update of s, i skip locked""")
                .setParameter(1, today)
                .setParameter(2, limit)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select s from ReportSlot s join fetch s.initiative where s.id in :ids"
                + " order by s.dueDate, s.id", ReportSlot.class)
                .setParameter("ids", ids.stream().map(Number::longValue).toList())
                .getResultList();
    }

    /** Overdue slots of a municipality, oldest due date first (report_slot_overdue_idx). */
    public PageOf<ReportSlot> overdue(String municipality, String owner, String areaCode, int page, int size) {
        StringBuilder where = new StringBuilder(" where s.municipality = :municipality and s.status = :status");
        if (owner != null) {
            where.append(" and i.ownerUsername = :owner");
        }
        if (areaCode != null) {
            where.append(" and i.areaCode = :area");
        }
        TypedQuery<Long> count = getEntityManager().createQuery("select count(s) from ReportSlot s join s.initiative i"
                + where, Long.class);
        TypedQuery<ReportSlot> query = getEntityManager().createQuery("select s from ReportSlot s join fetch s.initiative i"
                + where + " order by s.dueDate, s.id", ReportSlot.class);
        for (TypedQuery<?> q : List.of(count, query)) {
            q.setParameter("municipality", municipality);
            q.setParameter("status", SlotStatus.OVERDUE);
            if (owner != null) {
                q.setParameter("owner", owner);
            }
            if (areaCode != null) {
                q.setParameter("area", areaCode);
            }
        }
        long total = count.getSingleResult();
        List<ReportSlot> items = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new PageOf<>(items, page, size, total);
    }

    /** Overdue slots of a municipality grouped by the initiatives' owner login (null: no owner). */
    public PageOf<OwnerOverdueRow> overdueByOwner(String municipality, int page, int size) {
        long total = ((Number) getEntityManager().createNativeQuery("""
                select count(distinct coalesce(i.owner_username, '')) from report_slot s
                join initiative i on i.id = s.initiative_id
                where s.municipality = ?1 and s.status = 'OVERDUE'""")
                .setParameter(1, municipality)
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select i.owner_username, max(i.owner_name), count(*), count(distinct i.id), min(s.due_date), sum(s.expected)
                from report_slot s join initiative i on i.id = s.initiative_id
                where s.municipality = ?1 and s.status = 'OVERDUE'
                group by i.owner_username
                order by count(*) desc, i.owner_username nulls first
                offset ?2 limit ?3""")
                .setParameter(1, municipality)
                .setParameter(2, page * size)
                .setParameter(3, size)
                .getResultList();
        List<OwnerOverdueRow> items = rows.stream().map(row -> new OwnerOverdueRow((String) row[0], (String) row[1],
                ((Number) row[2]).intValue(), ((Number) row[3]).intValue(), InitiativeRepository.toLocalDate(row[4]),
                ((Number) row[5]).longValue())).toList();
        return new PageOf<>(items, page, size, total);
    }

    public record OwnerOverdueRow(String ownerUsername, String ownerName, int overdueReports, int initiatives,
            LocalDate oldestDueDate, long expected) {
    }
}
