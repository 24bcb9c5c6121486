package dk.raaderum.proposal.repository;

import dk.raaderum.proposal.domain.BudgetAdjustmentCopy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The read model of technical budget adjustments, one row per municipality and budget year (its primary key). */
@ApplicationScoped
public class BudgetAdjustmentRepository implements PanacheRepositoryBase<BudgetAdjustmentCopy, BudgetAdjustmentCopy.Key> {

    public Optional<BudgetAdjustmentCopy> forBudgetYear(String municipality, int budgetYear) {
        return findByIdOptional(new BudgetAdjustmentCopy.Key(municipality, budgetYear));
    }
}
