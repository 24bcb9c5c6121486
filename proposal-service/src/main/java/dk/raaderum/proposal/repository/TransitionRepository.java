package dk.raaderum.proposal.repository;

import dk.raaderum.proposal.domain.ProposalTransition;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class TransitionRepository implements PanacheRepository<ProposalTransition> {

    /** Oldest first (proposal_transition_proposal_idx). */
    public List<ProposalTransition> history(long proposalId) {
        return list("proposalId = ?1 order by at, id", proposalId);
    }

    /** The workflow steps (creations excluded) of a catalog's proposals after {@code since}, everything when null. */
    public List<ProposalTransition> inCatalogSince(long catalogId, Instant since) {
        String steps = "fromStatus is not null and proposalId in (select p.id from Proposal p where p.catalog.id = ?1)";
        return since == null ? list(steps, catalogId) : list(steps + " and at > ?2", catalogId, since);
    }
}
