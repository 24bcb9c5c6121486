package dk.raaderum.proposal.repository;

import dk.raaderum.proposal.domain.Agreement;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Multi-year agreements (agreement_municipality_idx). */
@ApplicationScoped
public class AgreementRepository implements PanacheRepository<Agreement> {

    public List<Agreement> listByMunicipality(String municipality) {
        return list("municipality = ?1 order by firstYear", municipality);
    }

    public Optional<Agreement> findInMunicipality(String municipality, long id) {
        return find("municipality = ?1 and id = ?2", municipality, id).firstResultOptional();
    }

    /** The municipality's agreement covering the budget year, if any (agreements do not overlap). */
    public Optional<Agreement> covering(String municipality, int budgetYear) {
        return find("municipality = ?1 and firstYear <= ?2 and lastYear >= ?2", municipality, budgetYear)
                .firstResultOptional();
    }

    /**
     * Serialises recording agreements of one municipality (a transaction-scoped advisory lock), so two overlapping
     * agreements recorded at once cannot both pass the overlap check.
     */
    public void lockMunicipality(String municipality) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('agreement:' || ?1))")
                .setParameter(1, municipality).getSingleResult();
    }
}
