package dk.raaderum.proposal.repository;

import dk.raaderum.proposal.domain.Scenario;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ScenarioRepository implements PanacheRepository<Scenario> {

    /** The user's own scenarios and those of the user's party group. */
    public List<Scenario> visibleTo(long catalogId, String userId, String party) {
        return list("catalogId = ?1 and ((ownerKind = 'USER' and ownerId = ?2) or (ownerKind = 'PARTY' and party = ?3))"
                + " order by name", catalogId, userId, party == null ? "" : party);
    }

    public Optional<Scenario> findInCatalog(long catalogId, long id) {
        return find("id = ?1 and catalogId = ?2", id, catalogId).firstResultOptional();
    }
}
