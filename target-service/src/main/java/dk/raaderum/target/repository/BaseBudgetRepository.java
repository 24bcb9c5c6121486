package dk.raaderum.target.repository;

import dk.raaderum.target.domain.BaseBudget;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class BaseBudgetRepository implements PanacheRepository<BaseBudget> {

    /** The base budget of a municipality's budget year (base_budget_municipality_year_key). */
    public Optional<BaseBudget> findFor(String municipality, int budgetYear) {
        return find("municipality = ?1 and budgetYear = ?2", municipality, budgetYear).firstResultOptional();
    }

    /** Newest budget year first (base_budget_municipality_year_key). */
    public List<BaseBudget> page(String municipality, int page, int size) {
        return find("municipality = ?1 order by budgetYear desc", municipality).page(Page.of(page, size)).list();
    }

    public long countFor(String municipality) {
        return count("municipality", municipality);
    }
}
