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

    /** The municipality's catalog for the budget year, if it has one (catalog_municipality_year_key). */
    public Optional<Catalog> findForYear(String municipality, int budgetYear) {
        return find("municipality = ?1 and budgetYear = ?2", municipality, budgetYear).firstResultOptional();
    }

    /** The catalog rolled over from this one, if any (catalog_rolled_over_from_key). */
    public Optional<Catalog> successorOf(long sourceId) {
        return find("rolledOverFrom.id", sourceId).firstResultOptional();
    }

    /**
     * The area row read again under a row lock (select … for update), so proposals created at once wait for each other
     * and get different numbers. Not {@code lock()}: that checks the version loaded earlier and fails with an
     * optimistic-lock error when another create committed meanwhile, though this caller read nothing to change.
     */
    public CatalogArea lockArea(CatalogArea area) {
        getEntityManager().refresh(area, LockModeType.PESSIMISTIC_WRITE);
        return area;
    }
}
