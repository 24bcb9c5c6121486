package dk.raaderum.target.repository;

import dk.raaderum.target.domain.EconomicPolicy;
import dk.raaderum.target.domain.PolicyStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** The versions of the municipalities' economic policies (economic_policy_municipality_version_key serves them all). */
@ApplicationScoped
public class EconomicPolicyRepository implements PanacheRepository<EconomicPolicy> {

    public Optional<EconomicPolicy> findVersion(String municipality, int policyVersion) {
        return find("municipality = ?1 and policyVersion = ?2", municipality, policyVersion).firstResultOptional();
    }

    /** The newest adopted version: the municipality's current policy. */
    public Optional<EconomicPolicy> current(String municipality) {
        return find("municipality = ?1 and status = ?2 order by policyVersion desc", municipality, PolicyStatus.ADOPTED)
                .firstResultOptional();
    }

    public Optional<EconomicPolicy> draft(String municipality) {
        return find("municipality = ?1 and status = ?2", municipality, PolicyStatus.DRAFT).firstResultOptional();
    }

    /** Every version, newest first. */
    public List<EconomicPolicy> page(String municipality, int page, int size) {
        return find("municipality = ?1 order by policyVersion desc", municipality).page(Page.of(page, size)).list();
    }

    public long countFor(String municipality) {
        return count("municipality", municipality);
    }

    /** The adopted versions, oldest first. */
    public List<EconomicPolicy> adopted(String municipality) {
        return list("municipality = ?1 and status = ?2 order by policyVersion", municipality, PolicyStatus.ADOPTED);
    }

    public int highestVersion(String municipality) {
        Integer highest = getEntityManager()
                .createQuery("select max(p.policyVersion) from EconomicPolicy p where p.municipality = ?1", Integer.class)
                .setParameter(1, municipality).getSingleResult();
        return highest == null ? 0 : highest;
    }

    /**
     * Serialises the creation of versions of one municipality's policy until the transaction ends (a PostgreSQL
     * transaction-scoped advisory lock), so two drafts started at once cannot take the same number.
     */
    public void lockMunicipality(String municipality) {
        AdvisoryLocks.lock(getEntityManager(), "economic-policy:" + municipality);
    }
}
