package dk.raaderum.target.repository;

import dk.raaderum.target.domain.CatalogAdoption;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class CatalogAdoptionRepository implements PanacheRepository<CatalogAdoption> {

    /** catalog_adoption_municipality_year_idx */
    public List<CatalogAdoption> forBudgetYear(String municipality, int budgetYear) {
        return list("municipality = ?1 and budgetYear = ?2 order by adoptedAt", municipality, budgetYear);
    }
}
