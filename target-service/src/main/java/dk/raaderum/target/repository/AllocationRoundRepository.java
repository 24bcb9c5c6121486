package dk.raaderum.target.repository;

import dk.raaderum.target.domain.AllocationRound;
import dk.raaderum.target.domain.TargetStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AllocationRoundRepository implements PanacheRepository<AllocationRound> {

    /** allocation_round_target_round_key */
    public Optional<AllocationRound> findRound(long targetId, int round) {
        return find("target.id = ?1 and round = ?2", targetId, round).firstResultOptional();
    }

    /** Newest round first (allocation_round_target_round_key). */
    public List<AllocationRound> page(long targetId, int page, int size) {
        return find("target.id = ?1 order by round desc", targetId).page(Page.of(page, size)).list();
    }

    public long countFor(long targetId) {
        return count("target.id", targetId);
    }

    /**
     * The lines of every adopted target's published round in a municipality's budget year, optionally only some areas
     * (efficiency_target_municipality_year_idx, allocation_round_target_round_key, allocation_line_pkey).
     */
    public List<PublishedLine> publishedLines(String municipality, int budgetYear, Collection<String> areaCodes) {
        String query = """
                select new dk.raaderum.target.repository.PublishedLine(l.areaCode, l.areaName, l.mainAccount, l.committee,
                    l.year, l.amount, r.priceLevelYear)
                from AllocationRound r join r.lines l join r.target t
                where t.municipality = :municipality and t.budgetYear = :budgetYear and t.status = :adopted
                  and r.round = t.publishedRound""" + (areaCodes == null ? "" : " and l.areaCode in :codes")
                + " order by l.position, l.year";
        var typed = getEntityManager().createQuery(query, PublishedLine.class)
                .setParameter("municipality", municipality)
                .setParameter("budgetYear", budgetYear)
                .setParameter("adopted", TargetStatus.ADOPTED);
        if (areaCodes != null) {
            typed.setParameter("codes", areaCodes);
        }
        return typed.getResultList();
    }

    /** A DRAFT target's rounds, before the target is deleted (their lines and totals go with them, on delete cascade). */
    public long deleteForTarget(long targetId) {
        return delete("target.id", targetId);
    }

    /** The published rounds of every municipality's adopted targets of a budget year: KL's aggregates. */
    public List<AllocationRound> publishedInYear(int budgetYear) {
        return getEntityManager().createQuery("""
                select r from AllocationRound r join fetch r.target t
                where t.budgetYear = :budgetYear and t.status = :adopted and r.round = t.publishedRound
                order by t.id""", AllocationRound.class)
                .setParameter("budgetYear", budgetYear)
                .setParameter("adopted", TargetStatus.ADOPTED)
                .getResultList();
    }
}
