package dk.raaderum.proposal.repository;

import dk.raaderum.proposal.domain.ProposalTransition;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class TransitionRepository implements PanacheRepository<ProposalTransition> {

    /** Oldest first (proposal_transition_proposal_idx). */
    public List<ProposalTransition> history(long proposalId) {
        return list("proposalId = ?1 order by at, id", proposalId);
    }
}
