package dk.raaderum.ideabank.repository;

import dk.raaderum.ideabank.domain.IdeaCopy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CopyRepository implements PanacheRepositoryBase<IdeaCopy, UUID> {

    /** The request of the idea into the catalog that is pending or made a draft still there (idea_copy_live_key). */
    public Optional<IdeaCopy> live(long ideaId, long catalogId) {
        return find("ideaId = ?1 and catalogId = ?2 and status in ?3", ideaId, catalogId,
                List.of(IdeaCopy.Status.PENDING, IdeaCopy.Status.COMPLETED)).firstResultOptional();
    }

    /** The request that made the proposal, if one did. */
    public Optional<IdeaCopy> ofProposal(long proposalId) {
        return find("proposalId", proposalId).firstResultOptional();
    }

    public Optional<IdeaCopy> forUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<IdeaCopy> ofMunicipality(String municipality, UUID id) {
        return findByIdOptional(id).filter(copy -> copy.municipality.equals(municipality));
    }

    /** The municipality's requests, newest first, optionally of one idea or into one catalog. */
    public List<IdeaCopy> ofMunicipality(String municipality, Long ideaId, Long catalogId, int page, int size) {
        return find(query(ideaId, catalogId) + " order by requestedAt desc, id", parameters(municipality, ideaId,
                catalogId)).page(Page.of(page, size)).list();
    }

    public long countOfMunicipality(String municipality, Long ideaId, Long catalogId) {
        return count(query(ideaId, catalogId), parameters(municipality, ideaId, catalogId));
    }

    private static String query(Long ideaId, Long catalogId) {
        return "municipality = :municipality" + (ideaId == null ? "" : " and ideaId = :ideaId")
                + (catalogId == null ? "" : " and catalogId = :catalogId");
    }

    private static Parameters parameters(String municipality, Long ideaId, Long catalogId) {
        Parameters parameters = Parameters.with("municipality", municipality);
        if (ideaId != null) {
            parameters.and("ideaId", ideaId);
        }
        if (catalogId != null) {
            parameters.and("catalogId", catalogId);
        }
        return parameters;
    }
}
