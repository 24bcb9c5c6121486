package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.IdeaAdoption;
import dk.raaderum.ideabank.domain.IdeaAdoption.Status;
import dk.raaderum.ideabank.domain.IdeaAdoption.Via;
import dk.raaderum.ideabank.domain.IdeaCopy;
import dk.raaderum.ideabank.repository.AdoptionRepository;
import dk.raaderum.ideabank.repository.CopyRepository;
import dk.raaderum.ideabank.repository.IdeaRepository;
import dk.raaderum.platform.events.proposal.IdeaCopyAnsweredV1;
import dk.raaderum.platform.events.proposal.ProposalAdoptedV1;
import dk.raaderum.platform.events.proposal.ProposalOrigin;
import dk.raaderum.platform.events.proposal.ProposalStatusChangedV1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/**
 * Follows every proposal that came from an idea (copied by "use this idea", or naming the idea as its origin) and
 * every shared proposal through proposal-service's events: copied, presented, adopted, rejected, withdrawn, per
 * municipality and budget year ({@link IdeaAdoption}). Other proposals are not kept.
 */
@ApplicationScoped
public class Adoptions {

    /** What the idea bank needs of any proposal event. */
    public record ProposalNews(long proposalId, String number, long catalogId, int budgetYear, ProposalOrigin origin,
            String status, Instant at) {

        public static ProposalNews of(ProposalStatusChangedV1 e) {
            return new ProposalNews(e.proposalId(), e.number(), e.catalogId(), e.budgetYear(), e.origin(), e.toStatus(),
                    e.changedAt());
        }

        public static ProposalNews of(ProposalAdoptedV1 e) {
            return new ProposalNews(e.proposalId(), e.number(), e.catalogId(), e.budgetYear(), e.origin(), "ADOPTED",
                    e.adoptedAt());
        }
    }

    private final AdoptionRepository adoptions;
    private final CopyRepository copies;
    private final IdeaRepository ideas;
    private final IdeaEvidence evidence;

    public Adoptions(AdoptionRepository adoptions, CopyRepository copies, IdeaRepository ideas, IdeaEvidence evidence) {
        this.adoptions = adoptions;
        this.copies = copies;
        this.ideas = ideas;
        this.evidence = evidence;
    }

    /** A proposal event: kept when the proposal is tied to an idea. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void follow(String municipality, ProposalNews proposal, Instant eventTime) {
        Instant at = proposal.at() == null ? eventTime : proposal.at();
        Status status = Status.ofProposal(proposal.status());
        Optional<IdeaAdoption> known = adoptions.forUpdate(proposal.proposalId());
        if (known.isPresent()) {
            IdeaAdoption adoption = known.get();
            adoption.number = proposal.number();
            if (adoption.follow(status, at)) {
                if (adoption.status == Status.WITHDRAWN) {
                    copies.ofProposal(adoption.proposalId).ifPresent(IdeaCopy::proposalWithdrawn);
                }
                evidence.refresh(adoption.ideaId);
            }
            return;
        }
        Optional<Long> origin = originIdea(proposal.origin());
        Via via = origin.isPresent() ? Via.ORIGIN : Via.SHARED;
        Optional<Long> idea = origin.or(() -> ideas.bySourceProposal(proposal.proposalId()).map(i -> i.id));
        idea.ifPresent(ideaId -> add(ideaId, municipality, proposal.proposalId(), proposal.number(),
                proposal.catalogId(), proposal.budgetYear(), via, status, at));
    }

    /** "Use this idea" made a draft. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void copied(IdeaCopyAnsweredV1 answer, String municipality, Instant eventTime) {
        if (answer.proposalId() == null || ideas.findByIdOptional(answer.ideaId()).isEmpty()) {
            return;
        }
        Optional<IdeaAdoption> known = adoptions.forUpdate(answer.proposalId());
        if (known.isPresent()) {
            known.get().via = Via.COPY;
            return;
        }
        add(answer.ideaId(), municipality, answer.proposalId(), answer.number(), answer.catalogId(),
                answer.budgetYear() == null ? 0 : answer.budgetYear(), Via.COPY, Status.COPIED,
                answer.answeredAt() == null ? eventTime : answer.answeredAt());
    }

    private void add(long ideaId, String municipality, long proposalId, String number, long catalogId, int budgetYear,
            Via via, Status status, Instant at) {
        IdeaAdoption adoption = new IdeaAdoption();
        adoption.proposalId = proposalId;
        adoption.ideaId = ideaId;
        adoption.municipality = municipality;
        adoption.budgetYear = budgetYear;
        adoption.catalogId = catalogId;
        adoption.number = number;
        adoption.via = via;
        adoption.follow(status, at);
        adoptions.persist(adoption);
        evidence.refresh(ideaId);
    }

    private Optional<Long> originIdea(ProposalOrigin origin) {
        if (origin == null || !"IDEA_BANK".equals(origin.kind()) || origin.ideaId() == null) {
            return Optional.empty();
        }
        return ideas.findByIdOptional(origin.ideaId()).map(i -> i.id);
    }
}
