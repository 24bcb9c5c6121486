package dk.raaderum.target.repository;

import dk.raaderum.target.domain.AdjustmentLine;
import dk.raaderum.target.domain.AdjustmentSet;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Technical budget adjustments: the sets (budget_adjustment_set_key) and their lines (budget_adjustment_line_set_idx). */
@ApplicationScoped
public class AdjustmentRepository implements PanacheRepository<AdjustmentLine> {

    public Optional<AdjustmentSet> findSet(String municipality, int budgetYear) {
        return getEntityManager().createQuery("from AdjustmentSet where municipality = ?1 and budgetYear = ?2",
                AdjustmentSet.class).setParameter(1, municipality).setParameter(2, budgetYear).getResultStream()
                .findFirst();
    }

    /**
     * Serialises the changes of one municipality's budget year until the transaction ends (a PostgreSQL
     * transaction-scoped advisory lock), so each change gets its own revision and the first line creates one set.
     */
    public void lockSet(String municipality, int budgetYear) {
        AdvisoryLocks.lock(getEntityManager(), "budget-adjustments:" + municipality + ":" + budgetYear);
    }

    public void persistSet(AdjustmentSet set) {
        getEntityManager().persist(set);
    }

    /** The set's lines, oldest first. */
    public List<AdjustmentLine> lines(AdjustmentSet set) {
        return list("set = ?1 order by id", set);
    }

    public Optional<AdjustmentLine> findLine(String municipality, int budgetYear, long lineId) {
        return find("id = ?1 and set.municipality = ?2 and set.budgetYear = ?3", lineId, municipality, budgetYear)
                .firstResultOptional();
    }
}
