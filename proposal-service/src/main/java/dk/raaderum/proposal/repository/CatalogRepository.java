package dk.raaderum.proposal.repository;

import dk.raaderum.proposal.domain.Agreement;
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

    /**
     * A catalog's heading as the database has it now (or as the current transaction sees it), if it belongs to the
     * municipality: values, nothing a session tracks, so a catalog this request loaded before cannot stand in for it.
     */
    public Optional<Heading> heading(String municipality, long id) {
        return getEntityManager().createQuery("select new " + Heading.class.getName() + "(c.id, c.municipality,"
                + " c.budgetYear, c.priceLevelYear) from Catalog c where c.id = ?1 and c.municipality = ?2", Heading.class)
                .setParameter(1, id).setParameter(2, municipality)
                .getResultList().stream().findFirst();
    }

    /** A catalog's areas in the order they were added ({@link Catalog#areas}), as values. */
    public List<AreaRow> areaRows(long catalogId) {
        return getEntityManager().createQuery("select new " + AreaRow.class.getName() + "(a.code, a.name, a.committee)"
                + " from CatalogArea a where a.catalog.id = ?1 order by a.id", AreaRow.class)
                .setParameter(1, catalogId)
                .getResultList();
    }

    /** What a simulation reads of a {@link Catalog} besides its areas. */
    public record Heading(long id, String municipality, int budgetYear, int priceLevelYear) {
    }

    /** What a simulation reads of a {@link CatalogArea}. */
    public record AreaRow(String code, String name, String committee) {
    }

    /** The municipality's catalog for the budget year, if it has one (catalog_municipality_year_key). */
    /**
     * Links the municipality's catalogs of the agreement's years to it, without raising their versions: the link is no
     * edit of the catalog, and a finance officer editing one meanwhile keeps a valid If-Match.
     */
    public int linkToAgreement(Agreement agreement) {
        return update("agreement = ?1 where municipality = ?2 and budgetYear between ?3 and ?4", agreement,
                agreement.municipality, agreement.firstYear, agreement.lastYear);
    }

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
