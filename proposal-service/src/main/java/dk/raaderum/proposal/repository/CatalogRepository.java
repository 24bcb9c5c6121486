package dk.raaderum.proposal.repository;

import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.CatalogArea;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CatalogRepository implements PanacheRepository<Catalog> {

    /** Newest budget year first (catalog_municipality_year_key). */
    public List<Catalog> listByMunicipality(String municipality) {
        return list("municipality = ?1 order by budgetYear desc", municipality);
    }

    /** The catalog if it belongs to the municipality: another municipality's id is simply not found. */
    public Optional<Catalog> findInMunicipality(String municipality, long id) {
        return find("id = ?1 and municipality = ?2", id, municipality).firstResultOptional();
    }

    /** The catalog with its areas in one query. */
    public Optional<Catalog> findWithAreas(String municipality, long id) {
        return find("select distinct c from Catalog c left join fetch c.areas where c.id = ?1 and c.municipality = ?2",
                id, municipality).singleResultOptional();
    }

    public boolean existsForYear(String municipality, int budgetYear) {
        return count("municipality = ?1 and budgetYear = ?2", municipality, budgetYear) > 0;
    }

    /** The area row locked for update, so two proposals created at once get different numbers. */
    public CatalogArea lockArea(CatalogArea area) {
        getEntityManager().lock(area, LockModeType.PESSIMISTIC_WRITE);
        getEntityManager().refresh(area);
        return area;
    }
}
