package dk.raaderum.target.repository;

import dk.raaderum.target.domain.AreaCoverage;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class AreaCoverageRepository implements PanacheRepository<AreaCoverage> {

    /**
     * Serialises coverage updates of one municipality's budget year until the transaction ends (a PostgreSQL
     * transaction-scoped advisory lock), so two events for the same areas cannot both miss a crossing of 100 %.
     */
    public void lockBudgetYear(String municipality, int budgetYear) {
        AdvisoryLocks.lock(getEntityManager(), "target-coverage:" + municipality + ":" + budgetYear);
    }

    /** area_coverage_key */
    public List<AreaCoverage> forBudgetYear(String municipality, int budgetYear, Collection<String> areaCodes) {
        if (areaCodes == null) {
            return list("municipality = ?1 and budgetYear = ?2 order by areaCode, year", municipality, budgetYear);
        }
        return list("municipality = ?1 and budgetYear = ?2 and areaCode in ?3 order by areaCode, year", municipality,
                budgetYear, areaCodes);
    }

    /** KL: every municipality's matched areas with a target in a budget year (area_coverage_year_idx). */
    public List<AreaCoverage> withTargetsInYear(int budgetYear) {
        return list("budgetYear = ?1 and matched = true and target > 0 order by mainAccount, year", budgetYear);
    }
}
