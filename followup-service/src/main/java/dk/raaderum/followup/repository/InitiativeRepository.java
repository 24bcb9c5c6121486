package dk.raaderum.followup.repository;

import dk.raaderum.followup.domain.Initiative;
import dk.raaderum.followup.domain.InitiativeStatus;
import dk.raaderum.platform.web.http.PageOf;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

@ApplicationScoped
public class InitiativeRepository implements PanacheRepository<Initiative> {

    public Optional<Initiative> findInMunicipality(String municipality, long id) {
        return find("id = ?1 and municipality = ?2", id, municipality).firstResultOptional();
    }

    /**
     * The initiative with its row locked until the transaction ends (select … for update). Every change of an existing
     * initiative takes this lock before it reads, so a change waits for a concurrent one (a report, a decision, the
     * overdue job) instead of failing on its version at flush; the overdue job skips initiatives that are locked.
     */
    public Optional<Initiative> lockInMunicipality(String municipality, long id) {
        return find("id = ?1 and municipality = ?2", id, municipality).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** initiative_proposal_key */
    public Optional<Initiative> findByProposal(long proposalId) {
        return find("proposalId", proposalId).firstResultOptional();
    }

    /** A page of the register, newest catalog year first (initiative_municipality_catalog_year_idx). */
    public PageOf<Initiative> search(String municipality, InitiativeFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where i.municipality = :municipality");
        Map<String, Object> params = new HashMap<>();
        params.put("municipality", municipality);
        if (filter.catalogYear() != null) {
            where.append(" and i.catalogYear = :catalogYear");
            params.put("catalogYear", filter.catalogYear());
        }
        if (filter.areaCode() != null && !filter.areaCode().isBlank()) {
            where.append(" and i.areaCode = :areaCode");
            params.put("areaCode", filter.areaCode());
        }
        if (filter.type() != null) {
            where.append(" and i.type = :type");
            params.put("type", filter.type());
        }
        if (filter.status() != null) {
            where.append(" and i.status = :status");
            params.put("status", filter.status());
        }
        if (filter.owner() != null && !filter.owner().isBlank()) {
            where.append(" and i.ownerUsername = :owner");
            params.put("owner", filter.owner());
        }
        if (filter.needsOwner()) {
            where.append(" and i.ownerUsername is null");
        }
        if (filter.proposalId() != null) {
            where.append(" and i.proposalId = :proposalId");
            params.put("proposalId", filter.proposalId());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (lower(i.title) like :text escape '\\' or lower(i.proposalNumber) like :text escape '\\')");
            params.put("text", "%" + filter.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        TypedQuery<Long> count = getEntityManager().createQuery("select count(i) from Initiative i" + where, Long.class);
        params.forEach(count::setParameter);
        long total = count.getSingleResult();
        TypedQuery<Initiative> query = getEntityManager().createQuery(
                "select i from Initiative i" + where + " order by i.catalogYear desc, i.areaCode, i.id", Initiative.class);
        params.forEach(query::setParameter);
        List<Initiative> items = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new PageOf<>(items, page, size, total);
    }

    /** The initiatives of a municipality among {@code ids} (those of another municipality or none are left out). */
    public List<Initiative> findInMunicipality(String municipality, Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("municipality = ?1 and id in ?2", municipality, ids);
    }

    /** {@link #findInMunicipality(String, Collection)} with the rows locked, in id order (no deadlock between two). */
    public List<Initiative> lockInMunicipality(String municipality, Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : find("municipality = ?1 and id in ?2 order by id", municipality, ids)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * The active initiatives of a municipality with their slots, their rows locked in id order (for replanning after a
     * settings change; see {@link #lockInMunicipality(String, long)}). The locks are taken by a query of their own
     * first, ordered by id (as every other locking write here, so two writers never wait for each other in opposite
     * orders); the fetch that follows reads the locked initiatives with their slots and takes no lock itself.
     */
    public List<Initiative> lockActiveWithSlots(String municipality) {
        getEntityManager().createNativeQuery("select id from initiative where municipality = ?1 and status = ?2"
                + " order by id for update")
                .setParameter(1, municipality)
                .setParameter(2, InitiativeStatus.ACTIVE.name())
                .getResultList();
        return getEntityManager().createQuery("select distinct i from Initiative i left join fetch i.slots"
                + " where i.municipality = :municipality and i.status = :status", Initiative.class)
                .setParameter("municipality", municipality)
                .setParameter("status", InitiativeStatus.ACTIVE)
                .getResultList();
    }

    /** Totals of a page of initiatives over their years (stored figures), and the next due date of their slots. */
    public Map<Long, Totals> totals(Collection<Long> ids) {
        Map<Long, Totals> totals = new HashMap<>();
        if (ids.isEmpty()) {
            return totals;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select y.initiative_id, sum(y.adopted), sum(y.expected), sum(y.expected_reported), sum(y.realised),
                       sum(y.overdue_slots),
                       (select min(s.due_date) from report_slot s
                        where s.initiative_id = y.initiative_id and s.status in ('PENDING', 'OVERDUE'))
                from initiative_year y
                where y.initiative_id in (:ids)
                group by y.initiative_id""")
                .setParameter("ids", ids)
                .getResultList();
        Map<Long, Map<Integer, Long>> realisedByYear = realisedByYear(ids);
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            totals.put(id, new Totals(((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue(),
                    ((Number) row[5]).intValue(), toLocalDate(row[6]), realisedByYear.getOrDefault(id, Map.of())));
        }
        return totals;
    }

    /** The realised amount of each reported year (at that year's prices), per initiative. */
    private Map<Long, Map<Integer, Long>> realisedByYear(Collection<Long> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select y.initiative_id, y.year, y.realised from initiative_year y
                where y.initiative_id in (:ids) and y.reported_slots > 0""")
                .setParameter("ids", ids)
                .getResultList();
        Map<Long, Map<Integer, Long>> byInitiative = new HashMap<>();
        for (Object[] row : rows) {
            byInitiative.computeIfAbsent(((Number) row[0]).longValue(), id -> new TreeMap<>())
                    .put(((Number) row[1]).intValue(), ((Number) row[2]).longValue());
        }
        return byInitiative;
    }

    static LocalDate toLocalDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }

    /**
     * Sums over all years of an initiative; expectedReported/realised over reported slots; realisedByYear: the
     * realised amount of each year with reports (for PL-regulering).
     */
    public record Totals(long adopted, long expected, long expectedReported, long realised, int overdueReports,
            LocalDate nextDueDate, Map<Integer, Long> realisedByYear) {
    }
}
