package dk.raaderum.proposal.repository;

import dk.raaderum.proposal.domain.Catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class CatalogRepository implements PanacheRepository<Catalog> {

    /** Newest budget year first (catalog_municipality_year_idx). */
    public List<Catalog> listByMunicipality(String municipality) {
        return list("municipality = ?1 order by budgetYear desc, id desc", municipality);
    }
}
