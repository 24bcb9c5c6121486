package dk.raaderum.proposal.repository;

import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.proposal.domain.OriginKind;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.domain.ProposalStatus;
import dk.raaderum.proposal.domain.ProposalType;
import dk.raaderum.proposal.domain.Uncertainty;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

@ApplicationScoped
public class ProposalRepository implements PanacheRepository<Proposal> {

    /** Sort keys of the list API and what they sort by; a leading '-' sorts descending. */
    public static final Map<String, String> SORTS = Map.of(
            "number", "p.number",
            "title", "p.title",
            "netTotal", "p.netTotal",
            "area", "p.areaCode",
            "type", "p.type",
            "status", "p.status",
            "createdAt", "p.createdAt");

    public Optional<Proposal> findInMunicipality(String municipality, long id) {
        return find("id = ?1 and municipality = ?2", id, municipality).firstResultOptional();
    }

    /**
     * A page of a catalog's proposals that the visibility and the filter let through, as list rows with their yearly
     * net change (2 queries, no entities: a list page reads only the columns it shows).
     */
    public PageOf<ListRow> search(long catalogId, ProposalFilter filter, Visibility visibility, Sort sort, int page,
            int size) {
        StringBuilder where = new StringBuilder(" where p.catalog.id = :catalog");
        Map<String, Object> params = new HashMap<>();
        params.put("catalog", catalogId);
        if (!filter.types().isEmpty()) {
            where.append(" and p.type in :types");
            params.put("types", filter.types());
        }
        if (!filter.areas().isEmpty()) {
            where.append(" and p.areaCode in :areas");
            params.put("areas", filter.areas());
        }
        if (!filter.committees().isEmpty()) {
            where.append(" and p.areaCode in (select a.code from CatalogArea a where a.catalog.id = :catalog"
                    + " and a.committee in :committees)");
            params.put("committees", filter.committees());
        }
        if (!filter.statuses().isEmpty()) {
            where.append(" and p.status in :statuses");
            params.put("statuses", filter.statuses());
        }
        if (!filter.origins().isEmpty()) {
            where.append(" and p.originKind in :origins");
            params.put("origins", filter.origins());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (lower(p.title) like :text or lower(p.description) like :text or lower(p.number) like :text)");
            params.put("text", "%" + filter.text().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        appendVisibility(where, params, visibility);

        // the page with the number of all matching rows alongside (a window over the filtered rows, before the limit)
        TypedQuery<Object[]> query = getEntityManager().createQuery("select new " + ListRow.class.getName()
                + "(p.id, p.number, p.title, p.type, p.areaCode, p.status, p.originKind, p.originParty, p.uncertainty,"
                + " p.netTotal, p.version), count(*) over () from Proposal p" + where + sort.orderBy(), Object[].class);
        params.forEach(query::setParameter);
        List<Object[]> found = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        List<ListRow> rows = found.stream().map(r -> (ListRow) r[0]).toList();
        long total;
        if (!found.isEmpty()) {
            total = ((Number) found.get(0)[1]).longValue();
        } else if (page == 0) {
            total = 0;
        } else {
            // past the last page: count on its own
            TypedQuery<Long> count = getEntityManager().createQuery("select count(p) from Proposal p" + where, Long.class);
            params.forEach(count::setParameter);
            total = count.getSingleResult();
        }
        if (rows.isEmpty()) {
            return new PageOf<>(rows, page, size, total);
        }
        // the page's yearly net change in one more query
        Map<Long, SortedMap<Integer, Long>> years = new HashMap<>();
        getEntityManager().createQuery("select p.id, y.year, y.netChange from Proposal p join p.years y"
                + " where p.catalog.id = :catalog and p.id in :ids", Object[].class)
                .setParameter("catalog", catalogId)
                .setParameter("ids", rows.stream().map(ListRow::id).toList())
                .getResultList()
                .forEach(y -> years.computeIfAbsent((Long) y[0], id -> new TreeMap<>()).put((Integer) y[1], (Long) y[2]));
        return new PageOf<>(rows.stream().map(row -> row.withNetChange(years.getOrDefault(row.id(), new TreeMap<>())))
                .toList(), page, size, total);
    }

    /** A proposal as a list shows it, with its net change by year. */
    public record ListRow(long id, String number, String title, ProposalType type, String areaCode,
            ProposalStatus status, OriginKind originKind, String originParty, Uncertainty uncertainty, long netTotal,
            long version, SortedMap<Integer, Long> netChange) {

        public ListRow {
            netChange = Collections.unmodifiableSortedMap(new TreeMap<>(netChange));
        }

        /** The row as the list query reads it, before its years. */
        public ListRow(long id, String number, String title, ProposalType type, String areaCode, ProposalStatus status,
                OriginKind originKind, String originParty, Uncertainty uncertainty, long netTotal, long version) {
            this(id, number, title, type, areaCode, status, originKind, originParty, uncertainty, netTotal, version,
                    new TreeMap<>());
        }

        ListRow withNetChange(SortedMap<Integer, Long> years) {
            return new ListRow(id, number, title, type, areaCode, status, originKind, originParty, uncertainty, netTotal,
                    version, years);
        }
    }

    /** The proposals of a catalog with their years, in one query, for simulations, summaries and exports. */
    public List<Proposal> withYears(long catalogId, Visibility visibility) {
        StringBuilder where = new StringBuilder(" where p.catalog.id = :catalog");
        Map<String, Object> params = new HashMap<>();
        params.put("catalog", catalogId);
        appendVisibility(where, params, visibility);
        TypedQuery<Proposal> query = getEntityManager().createQuery(
                "select distinct p from Proposal p left join fetch p.years" + where + " order by p.number", Proposal.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * One row per proposal and year of the whole catalog, without loading entities: what the simulation needs, in
     * one query with no id list to bind (a catalog has a few hundred proposals; the caller picks its selection)
     * (proposal_catalog_status_idx, proposal_year_pkey).
     */
    public List<YearRow> yearRows(long catalogId) {
        return getEntityManager().createQuery("select new dk.raaderum.proposal.repository.ProposalRepository$YearRow("
                + "p.id, p.number, p.type, p.areaCode, p.uncertainty, p.status, p.originKind, p.originParty,"
                + " p.createdById, y.year, y.netChange, y.investmentCost, y.gain)"
                + " from Proposal p join p.years y where p.catalog.id = :catalog order by p.id, y.year", YearRow.class)
                .setParameter("catalog", catalogId)
                .getResultList();
    }

    /** A proposal's year with the proposal fields that rules and the simulation look at. */
    public record YearRow(long id, String number, ProposalType type, String areaCode, Uncertainty uncertainty,
            ProposalStatus status, OriginKind originKind, String originParty, String createdById, int year,
            long netChange, Long investmentCost, Long gain) {
    }

    /** The proposals of a catalog in a status, with their years (their events carry them). */
    public List<Proposal> inStatus(long catalogId, ProposalStatus status) {
        return getEntityManager().createQuery("select distinct p from Proposal p left join fetch p.years"
                + " where p.catalog.id = :catalog and p.status = :status", Proposal.class)
                .setParameter("catalog", catalogId)
                .setParameter("status", status)
                .getResultList();
    }

    /**
     * The predecessor chain of a proposal (its predecessor, that one's predecessor, …) in the municipality, limited
     * to the budget years [fromYear, toYear] and to proposals that were presented and not adopted.
     */
    public List<Long> presentedNotAdoptedAncestors(long predecessorId, String municipality, int fromYear, int toYear) {
        @SuppressWarnings("unchecked")
        List<Number> ids = getEntityManager().createNativeQuery("""
                with recursive chain (id, predecessor_id, depth) as (
                    select id, predecessor_id, 1 from proposal where id = ?1
                    union all
                    select p.id, p.predecessor_id, c.depth + 1 from proposal p join chain c on p.id = c.predecessor_id
                    where c.depth < 50
                )
                select p.id from proposal p join chain c on c.id = p.id
                where p.municipality = ?2 and p.budget_year between ?3 and ?4
                  and p.presented_at is not null and p.status <> 'ADOPTED'
                order by p.budget_year desc""")
                .setParameter(1, predecessorId)
                .setParameter(2, municipality)
                .setParameter(3, fromYear)
                .setParameter(4, toYear)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Proposals of the municipality and area whose title/description resemble the given text (pg_trgm), best first.
     *
     * @param excludeId a proposal not to list (the one compared), or null
     * @param fromYear first budget year to look in
     * @param toYear last budget year to look in
     * @param onlyPresentedNotAdopted only proposals that were presented and not adopted (the karensperiode's kind)
     */
    public List<SimilarRow> similar(String municipality, String areaCode, String title, String description,
            Long excludeId, int fromYear, int toYear, double minScore, int limit, boolean onlyPresentedNotAdopted) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select id, score from (
                    select p.id,
                           greatest(similarity(p.title, ?1), similarity(p.title || ' ' || p.description, ?2)) as score
                    from proposal p
                    where p.municipality = ?3 and p.area_code = ?4 and p.budget_year between ?5 and ?6
                      and (?7 = 0 or p.id <> ?7)
                      and (?10 = false or (p.presented_at is not null and p.status <> 'ADOPTED'))
                ) scored
                where score >= ?8
                order by score desc, id desc
                limit ?9""")
                .setParameter(1, title)
                .setParameter(2, title + " " + description)
                .setParameter(3, municipality)
                .setParameter(4, areaCode)
                .setParameter(5, fromYear)
                .setParameter(6, toYear)
                .setParameter(7, excludeId == null ? 0L : excludeId)
                .setParameter(8, minScore)
                .setParameter(9, limit)
                .setParameter(10, onlyPresentedNotAdopted)
                .getResultList();
        List<SimilarRow> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            result.add(new SimilarRow(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue()));
        }
        return result;
    }

    public record SimilarRow(long proposalId, double score) {
    }


    private static void appendVisibility(StringBuilder where, Map<String, Object> params, Visibility visibility) {
        if (visibility.everything()) {
            return;
        }
        where.append(" and (p.status in :visible");
        params.put("visible", visibility.statuses().isEmpty()
                ? java.util.EnumSet.noneOf(ProposalStatus.class) : visibility.statuses());
        if (visibility.party() != null) {
            where.append(" or (p.originKind = dk.raaderum.proposal.domain.OriginKind.POLITICAL_PARTY"
                    + " and p.originParty = :party)");
            params.put("party", visibility.party());
        }
        if (visibility.creatorId() != null) {
            where.append(" or p.createdById = :creator");
            params.put("creator", visibility.creatorId());
        }
        where.append(")");
    }

    /** A list order: a column of {@link #SORTS}, ascending or descending; ties by id. */
    public record Sort(String column, boolean descending) {

        /** {@code netTotal} or {@code -netTotal}; by number when absent; empty for an unknown key. */
        public static Optional<Sort> parse(String sort) {
            String key = sort == null ? "number" : sort;
            boolean descending = key.startsWith("-");
            return Optional.ofNullable(SORTS.get(descending ? key.substring(1) : key))
                    .map(column -> new Sort(column, descending));
        }

        String orderBy() {
            return " order by " + column + (descending ? " desc" : " asc") + ", p.id asc";
        }
    }
}
