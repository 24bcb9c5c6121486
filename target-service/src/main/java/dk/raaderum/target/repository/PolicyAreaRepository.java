package dk.raaderum.target.repository;

import dk.raaderum.target.domain.PolicyArea;
import dk.raaderum.target.domain.PolicyAreaRegister;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The municipalities' registers of policy areas (policy_area, policy_area_register). */
@ApplicationScoped
public class PolicyAreaRepository implements PanacheRepository<PolicyArea> {

    /** The register's areas in code order (policy_area_municipality_code_key). */
    public List<PolicyArea> forMunicipality(String municipality) {
        return list("municipality = ?1 order by code", municipality);
    }

    public Optional<PolicyArea> findArea(String municipality, String code) {
        return find("municipality = ?1 and code = ?2", municipality, code).firstResultOptional();
    }

    public Optional<PolicyAreaRegister> register(String municipality) {
        return Optional.ofNullable(getEntityManager().find(PolicyAreaRegister.class, municipality));
    }

    /**
     * The municipality's register row, created (revision 0) when it has none, and locked until the transaction ends:
     * changes of one register are made one after the other, so each gets its own revision.
     */
    public PolicyAreaRegister lockRegister(String municipality, String by, Instant at) {
        getEntityManager().createNativeQuery("insert into policy_area_register (municipality, revision, changed_at,"
                + " changed_by) values (?1, 0, ?2, ?3) on conflict (municipality) do nothing")
                .setParameter(1, municipality).setParameter(2, at).setParameter(3, by).executeUpdate();
        return getEntityManager().find(PolicyAreaRegister.class, municipality, LockModeType.PESSIMISTIC_WRITE);
    }
}
