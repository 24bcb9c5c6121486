package dk.raaderum.target.repository;

import dk.raaderum.target.domain.EfficiencyTarget;
import dk.raaderum.target.domain.TargetStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class TargetRepository implements PanacheRepository<EfficiencyTarget> {

    /** The target if it belongs to the municipality: another municipality's id is simply not found. */
    public Optional<EfficiencyTarget> findInMunicipality(String municipality, long id) {
        return find("id = ?1 and municipality = ?2", id, municipality).firstResultOptional();
    }

    /** Newest budget year first, optionally one year and one status (efficiency_target_municipality_year_idx). */
    public List<EfficiencyTarget> search(String municipality, Integer budgetYear, TargetStatus status, int page, int size) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(municipality, budgetYear, status, parameters);
        return find(where + " order by budgetYear desc, id desc", parameters).page(Page.of(page, size)).list();
    }

    public long count(String municipality, Integer budgetYear, TargetStatus status) {
        Map<String, Object> parameters = new HashMap<>();
        return count(where(municipality, budgetYear, status, parameters), parameters);
    }

    private static String where(String municipality, Integer budgetYear, TargetStatus status,
            Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder("municipality = :municipality");
        parameters.put("municipality", municipality);
        if (budgetYear != null) {
            where.append(" and budgetYear = :budgetYear");
            parameters.put("budgetYear", budgetYear);
        }
        if (status != null) {
            where.append(" and status = :status");
            parameters.put("status", status);
        }
        return where.toString();
    }
}
