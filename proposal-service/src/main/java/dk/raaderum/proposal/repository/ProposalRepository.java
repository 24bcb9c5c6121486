package dk.raaderum.proposal.repository;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.proposal.domain.OriginKind;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.domain.ProposalStatus;
import dk.raaderum.proposal.domain.Uncertainty;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ProposalRepository implements PanacheRepository<Proposal> {

    public Optional<Proposal> findInMunicipality(String municipality, long id) {
        return find("id = ?1 and municipality = ?2", id, municipality).firstResultOptional();
    }

    /** The visible proposals of a catalog as entities with their years, in one query, for summaries and exports. */
    /** The draft a "use this idea" request made, if it made one. */
    public Optional<Proposal> byIdeaCopyRequest(UUID request) {
        return find("ideaCopyRequest", request).firstResultOptional();
    }

    /** The catalog's proposal from the idea that is not withdrawn (proposal_origin_idea_idx), if there is one. */
    public Optional<Proposal> copyOfIdea(long catalogId, long ideaId) {
        return find("catalog.id = ?1 and originIdeaId = ?2 and status <> ?3 order by id", catalogId, ideaId,
                ProposalStatus.WITHDRAWN).firstResultOptional();
    }

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
     * What identifies the current state of a catalog's proposals: their number and the sum of their versions.
     * Proposals are never deleted and every change of one (its years included) raises its version, so any write
     * changes the fingerprint, and a fingerprint seen again means nothing changed (proposal_catalog_status_idx).
     */
    public Fingerprint fingerprint(long catalogId) {
        Object[] row = getEntityManager().createQuery("select count(p), coalesce(sum(p.version), 0) from Proposal p"
                + " where p.catalog.id = :catalog", Object[].class)
                .setParameter("catalog", catalogId)
                .getSingleResult();
        return new Fingerprint(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** The number of a catalog's proposals and the sum of their versions. */
    public record Fingerprint(long proposals, long versionSum) {
    }

    /**
     * Every proposal of the catalog with its years, one row per proposal and year (ordered by proposal and year), in
     * one statement so that all rows are of one moment; what lists and simulations read, no entities loaded.
     */
    public List<SnapshotRow> snapshotRows(long catalogId) {
        return getEntityManager().createQuery("select new " + SnapshotRow.class.getName() + "(p.id, p.version,"
                + " p.number, p.title, p.description, p.type, p.areaCode, p.status, p.originKind, p.originParty,"
                + " p.uncertainty, p.netTotal, p.createdAt, p.createdById, y.year, y.netChange, y.investmentCost, y.gain)"
                + " from Proposal p left join p.years y where p.catalog.id = :catalog order by p.id, y.year",
                SnapshotRow.class)
                .setParameter("catalog", catalogId)
                .getResultList();
    }

    /** A proposal's list and simulation fields with one of its years (year null when it has none). */
    public record SnapshotRow(long id, long version, String number, String title, String description, ProposalType type,
            String areaCode, ProposalStatus status, OriginKind originKind, String originParty, Uncertainty uncertainty,
            long netTotal, Instant createdAt, String createdById, Integer year, Long netChange, Long investmentCost,
            Long gain) {
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
}
