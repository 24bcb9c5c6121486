package dk.raaderum.proposal.repository;

import dk.raaderum.proposal.domain.CatalogStatus;
import dk.raaderum.proposal.domain.RegisterCopy;
import dk.raaderum.proposal.domain.RegisteredArea;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The copies of the municipalities' registers of policy areas (policy_area_register_copy, policy_area_copy). */
@ApplicationScoped
public class RegisterCopyRepository implements PanacheRepositoryBase<RegisterCopy, String> {

    /** The municipality's registered areas as values (policy_area_copy_municipality_code_key). */
    public List<AreaRow> areas(String municipality) {
        return getEntityManager().createQuery("select code, name, active from RegisteredArea where municipality = ?1"
                + " order by code", AreaRow.class).setParameter(1, municipality).getResultList();
    }

    /** What a reader needs of one {@link RegisteredArea}: nothing a session tracks, so it may be kept and shared. */
    public record AreaRow(String code, String name, boolean active) {
    }

    public void deleteAreas(String municipality) {
        getEntityManager().createQuery("delete from RegisteredArea where municipality = ?1")
                .setParameter(1, municipality).executeUpdate();
    }

    public void persistArea(RegisteredArea area) {
        getEntityManager().persist(area);
    }

    /** The register's name for the area in every catalog of the municipality that is not adopted yet. */
    public int renameInCatalogs(String municipality, String code, String name) {
        return getEntityManager().createQuery("update CatalogArea a set a.name = ?1 where a.code = ?2 and a.name <> ?1"
                + " and a.catalog.id in (select c.id from Catalog c where c.municipality = ?3 and c.status <> ?4)")
                .setParameter(1, name).setParameter(2, code).setParameter(3, municipality)
                .setParameter(4, CatalogStatus.ADOPTED).executeUpdate();
    }
}
