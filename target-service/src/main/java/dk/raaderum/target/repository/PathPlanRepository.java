package dk.raaderum.target.repository;

import dk.raaderum.target.domain.PathPlan;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PathPlanRepository implements PanacheRepository<PathPlan> {

    /** path_plan_municipality_year_key */
    public Optional<PathPlan> findFor(String municipality, int budgetYear) {
        return find("municipality = ?1 and budgetYear = ?2", municipality, budgetYear).firstResultOptional();
    }

    public List<PathPlan> page(String municipality, int page, int size) {
        return find("municipality = ?1 order by budgetYear desc", municipality).page(Page.of(page, size)).list();
    }

    public long countFor(String municipality) {
        return count("municipality", municipality);
    }
}
