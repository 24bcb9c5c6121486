package dk.raaderum.proposal.repository;

import dk.raaderum.proposal.domain.TargetAllocation;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.OptionalInt;

@ApplicationScoped
public class TargetAllocationRepository implements PanacheRepository<TargetAllocation> {

    /** Every target's newest allocation for the municipality's budget year (target_allocation_municipality_year_idx). */
    public List<TargetAllocation> forBudgetYear(String municipality, int budgetYear) {
        return list("municipality = ?1 and budgetYear = ?2 order by areaCode, year", municipality, budgetYear);
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
