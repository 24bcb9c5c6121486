package dk.raaderum.target.repository;

import dk.raaderum.target.domain.MunicipalPriceIndex;
import dk.raaderum.target.domain.TargetStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class PriceIndexRepository implements PanacheRepositoryBase<MunicipalPriceIndex, String> {

    /**
     * The price levels that coverage of a budget year converts from: those of its known proposals and of its adopted
     * targets' published rounds.
     */
    public List<Integer> convertedLevels(String municipality, int budgetYear) {
        List<Integer> levels = new ArrayList<>(getEntityManager().createQuery("select distinct p.priceLevelYear"
                + " from KnownProposal p where p.municipality = :municipality and p.budgetYear = :budgetYear"
                + " and p.priceLevelYear is not null", Integer.class)
                .setParameter("municipality", municipality).setParameter("budgetYear", budgetYear).getResultList());
        levels.addAll(getEntityManager().createQuery("select distinct r.priceLevelYear from AllocationRound r"
                + " join r.target t where t.municipality = :municipality and t.budgetYear = :budgetYear"
                + " and t.status = :adopted and r.round = t.publishedRound", Integer.class)
                .setParameter("municipality", municipality).setParameter("budgetYear", budgetYear)
                .setParameter("adopted", TargetStatus.ADOPTED).getResultList());
        return levels;
    }

    /** The budget years of the municipality that have live coverage (to recompute when its index changes). */
    public List<Integer> coveredBudgetYears(String municipality) {
        return getEntityManager().createQuery("select distinct c.budgetYear from AreaCoverage c"
                + " where c.municipality = :municipality order by c.budgetYear", Integer.class)
                .setParameter("municipality", municipality).getResultList();
    }
}
