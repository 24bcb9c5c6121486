package dk.raaderum.proposal.repository;

import dk.raaderum.proposal.domain.TargetAllocation;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.OptionalInt;

@ApplicationScoped
public class TargetAllocationRepository implements PanacheRepository<TargetAllocation> {

    /**
     * Every target's newest allocation for the municipality's budget year (target_allocation_municipality_year_idx),
     * read as values: every simulation reads them and none changes them, so no entity is managed (hydrated, tracked
     * and snapshotted for dirty checking) for them.
     */
    public List<AllocationRow> forBudgetYear(String municipality, int budgetYear) {
        return find("municipality = ?1 and budgetYear = ?2 order by areaCode, year", municipality, budgetYear)
                .project(AllocationRow.class).list();
    }

    /** What a reader needs of one {@link TargetAllocation}. */
    public record AllocationRow(long targetId, String areaCode, String areaName, String committee, int year,
            long amount, long budget, boolean exempt, int priceLevelYear) {
    }

    public OptionalInt currentRound(long targetId) {
        Integer round = getEntityManager()
                .createQuery("select max(t.round) from TargetAllocation t where t.targetId = ?1", Integer.class)
                .setParameter(1, targetId)
                .getSingleResult();
        return round == null ? OptionalInt.empty() : OptionalInt.of(round);
    }

    public long deleteTarget(long targetId) {
        return delete("targetId", targetId);
    }
}
