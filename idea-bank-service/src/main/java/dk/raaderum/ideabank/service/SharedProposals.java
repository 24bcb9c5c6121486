package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.IdeaContent;
import dk.raaderum.ideabank.domain.IdeaHistoryEntry.Action;
import dk.raaderum.ideabank.domain.IdeaOrigin;
import dk.raaderum.ideabank.domain.IdeaRules;
import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.domain.PolicyAreas;
import dk.raaderum.ideabank.messaging.IdeaEvents;
import dk.raaderum.ideabank.messaging.IdeaEvents.WithdrawnBy;
import dk.raaderum.ideabank.repository.IdeaRepository;
import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.YearFte;
import dk.raaderum.platform.events.proposal.ProposalAdoptedV1;
import dk.raaderum.platform.events.proposal.ProposalStatusChangedV1;
import dk.raaderum.platform.messaging.consumer.PoisonMessageException;
import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.platform.web.security.Actor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Proposals that municipalities share (shareWithIdeaBank), as their events tell: a shared proposal that is presented
 * or adopted (or already was, when sharing is turned on) becomes a submission in KL's queue, one per proposal; while
 * it waits there, a newer version from the catalog replaces its content, and once KL has curated it only its catalog
 * status is followed. A withdrawal in the catalog, or sharing turned off, withdraws it. A correction after presentation
 * ({@link #corrected}) replaces a waiting submission's content and is held for KL on a curated idea. Events from the
 * topics may arrive in any order: one older than what the idea already knows is ignored.
 */
@ApplicationScoped
public class SharedProposals {

    private static final Logger LOG = Logger.getLogger(SharedProposals.class);
    /** Catalog statuses in which a shared proposal is offered to other municipalities: it has been presented. */
    private static final Set<String> OFFERED = Set.of("PRESENTED", "ADOPTED", "REJECTED");

    /** A proposal as the idea bank needs it, from any of the proposal events. */
    public record Shared(long proposalId, String number, String title, String description, String type,
            String rationale, String consequences, PolicyAreaRef area, int budgetYear, Integer priceLevelYear,
            List<YearAmount> netChange, List<YearAmount> investmentCost, List<YearAmount> gains, List<YearFte> staff,
            Boolean shared, String status) {

        public static Shared of(ProposalStatusChangedV1 e) {
            return new Shared(e.proposalId(), e.number(), e.title(), e.description(), e.type(),
                    e.classificationRationale(), e.serviceConsequences(), e.area(), e.budgetYear(), e.priceLevelYear(),
                    e.netChange(), e.investmentCost(), e.gains(), e.staffChange(), e.shareWithIdeaBank(), e.toStatus());
        }

        public static Shared of(ProposalAdoptedV1 e) {
            return new Shared(e.proposalId(), e.number(), e.title(), e.description(), e.type(),
                    e.classificationRationale(), e.serviceConsequences(), e.area(), e.budgetYear(), e.priceLevelYear(),
                    e.netChange(), e.investmentCost(), e.gains(), e.staffChange(), e.shareWithIdeaBank(), "ADOPTED");
        }
    }

    private final IdeaRepository ideas;
    private final IdeaWriter writer;
    private final IdeaLifecycle lifecycle;
    private final IdeaEvents events;
    private final SourceCorrections corrections;
    private final Clock clock;

    public SharedProposals(IdeaRepository ideas, IdeaWriter writer, IdeaLifecycle lifecycle, IdeaEvents events,
            SourceCorrections corrections, Clock clock) {
        this.ideas = ideas;
        this.writer = writer;
        this.lifecycle = lifecycle;
        this.events = events;
        this.corrections = corrections;
        this.clock = clock;
    }

    /** A proposal was presented, adopted or rejected, or its sharing changed. */
    @Transactional
    public void changed(String municipality, Shared proposal, Instant at) {
        Actor actor = actor(municipality);
        Idea idea = ideas.bySourceProposal(proposal.proposalId()).orElse(null);
        if (idea != null && older(idea, at)) {
            return;
        }
        take(municipality, proposal, idea, at, actor, "Ny udgave fra budgetkataloget");
    }

    /**
     * A finance officer corrected the presented proposal ({@code proposal.corrected}; {@code reason} is why). A shared
     * proposal the bank does not hold yet is taken in, and a submission still in KL's queue takes the corrected
     * content, as {@link #changed} does; an idea KL has curated keeps KL's text and holds the correction for KL
     * ({@link SourceCorrections}); a withdrawn idea is not brought back by it. An older event than the idea knows is
     * ignored, so a correction is never undone by the presentation that arrives after it.
     */
    @Transactional
    public void corrected(String municipality, Shared proposal, String reason, Instant at) {
        Actor actor = actor(municipality);
        Idea idea = ideas.bySourceProposal(proposal.proposalId()).orElse(null);
        if (idea != null && older(idea, at)) {
            return;
        }
        String why = "Rettet i budgetkataloget" + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
        if (idea == null || idea.status == IdeaStatus.SUBMITTED || !Boolean.TRUE.equals(proposal.shared())) {
            take(municipality, proposal, idea, at, actor, why);
            return;
        }
        IdeaContent content = content(proposal);
        List<IdeaRules.Violation> broken = IdeaRules.check(content, false);
        if (broken.isEmpty()) {
            corrections.hold(idea, content, why, at, actor);
        } else {
            LOG.infof("The correction of shared proposal %d of %s is not taken into idea %d: %s %s",
                    proposal.proposalId(), municipality, idea.id, broken.get(0).field(), broken.get(0).message());
        }
        follow(idea, proposal.status(), at, actor);
    }

    /** Takes the proposal in (or withdraws it when it is no longer shared); {@code why} names a new version. */
    private void take(String municipality, Shared proposal, Idea idea, Instant at, Actor actor, String why) {
        if (!Boolean.TRUE.equals(proposal.shared()) || !OFFERED.contains(proposal.status())) {
            if (idea != null && Boolean.FALSE.equals(proposal.shared()) && idea.status != IdeaStatus.WITHDRAWN) {
                lifecycle.withdraw(idea, actor, WithdrawnBy.SOURCE, "Kommunen deler ikke længere forslaget");
            }
            if (idea != null) {
                follow(idea, proposal.status(), at, actor);
            }
            return;
        }
        IdeaContent content = content(proposal);
        List<IdeaRules.Violation> broken = IdeaRules.check(content, false);
        if (!broken.isEmpty()) {
            LOG.infof("Shared proposal %d of %s is not taken into the idea bank: %s %s", proposal.proposalId(),
                    municipality, broken.get(0).field(), broken.get(0).message());
            return;
        }
        if (idea == null) {
            idea = create(municipality, proposal, content, actor);
        } else {
            update(idea, content, actor, why);
        }
        follow(idea, proposal.status(), at, actor);
    }

    /** The proposal was withdrawn in its catalog. */
    @Transactional
    public void withdrawn(String municipality, long proposalId, Instant at) {
        Actor actor = actor(municipality);
        ideas.bySourceProposal(proposalId).filter(idea -> !older(idea, at)).ifPresent(idea -> {
            if (idea.status != IdeaStatus.WITHDRAWN) {
                lifecycle.withdraw(idea, actor, WithdrawnBy.SOURCE, "Forslaget er trukket tilbage i budgetkataloget");
            }
            follow(idea, "WITHDRAWN", at, actor);
        });
    }

    private Idea create(String municipality, Shared proposal, IdeaContent content, Actor actor) {
        Idea idea = writer.draft(content, IdeaOrigin.SHARED_PROPOSAL, municipality, actor);
        idea.sourceProposalId = proposal.proposalId();
        return writer.add(idea, IdeaStatus.SUBMITTED, actor, Action.SHARED, "Delt fra budgetkataloget");
    }

    /** A submission still waiting takes the catalog's newer content; a withdrawn one comes back to the queue. */
    private void update(Idea idea, IdeaContent content, Actor actor, String why) {
        if (idea.status == IdeaStatus.WITHDRAWN) {
            idea.clearSourceCorrection();
            String reason = "Delt igen fra budgetkataloget";
            idea.moveTo(IdeaStatus.SUBMITTED, clock.instant());
            if (!writer.change(idea, content, actor, Action.SHARED, reason)) {
                writer.record(idea, Action.SHARED, actor, reason, List.of());
            }
            events.submitted(idea, idea.updatedAt);
        } else if (idea.status == IdeaStatus.SUBMITTED) {
            writer.change(idea, content, actor, Action.UPDATED, why);
        }
    }

    /** Records the proposal's catalog status on the idea, when it is news. */
    private void follow(Idea idea, String status, Instant at, Actor actor) {
        idea.sourceChangedAt = at;
        if (!status.equals(idea.sourceStatus)) {
            idea.sourceStatus = status;
            writer.record(idea, Action.SOURCE_STATUS, actor, "Forslaget er " + status + " i budgetkataloget", List.of());
        }
    }

    private static boolean older(Idea idea, Instant at) {
        return idea.sourceChangedAt != null && at.isBefore(idea.sourceChangedAt);
    }

    private static Actor actor(String municipality) {
        if (!Municipalities.exists(municipality)) {
            throw new PoisonMessageException("A proposal event without a valid municipality: " + municipality, null);
        }
        return new Actor("system:proposal-events", "Budgetkatalog, " + IdeaViews.municipality(municipality).name(),
                municipality, null, Set.of(), true);
    }

    static IdeaContent content(Shared p) {
        ProposalType type = ProposalType.valueOf(p.type());
        boolean investment = type == ProposalType.INVESTMENT;
        long cost = p.investmentCost() == null ? 0 : p.investmentCost().stream().mapToLong(YearAmount::amount).reduce(0, Math::addExact);
        BigDecimal fte = p.staff() == null ? null : p.staff().stream().max(Comparator.comparingInt(YearFte::year))
                .map(YearFte::fte).orElse(null);
        String area = PolicyAreas.forMunicipalArea(p.area().name(), p.area().mainAccount()).code();
        return new IdeaContent(p.title(), null, p.description(), type, p.rationale(), type == ProposalType.SAVING, area,
                List.of(), p.budgetYear(), p.priceLevelYear(), p.netChange(), fte, investment && cost > 0 ? cost : null,
                investment ? payback(p) : null, p.consequences(), null,
                "Budgetforslag " + p.number() + ", " + IdeaViews.budgetLabel(p.budgetYear()), p.number()).normalised();
    }

    /** Years until cumulative gains reach cumulative cost, within the four years; null beyond them. */
    private static BigDecimal payback(Shared p) {
        long cost = 0;
        long gains = 0;
        List<YearAmount> costs = p.investmentCost() == null ? List.of() : p.investmentCost();
        List<YearAmount> gained = p.gains() == null ? List.of() : p.gains();
        for (int i = 0; i < Math.min(costs.size(), gained.size()); i++) {
            cost += costs.get(i).amount();
            gains += gained.get(i).amount();
            if (cost > 0 && gains >= cost) {
                return BigDecimal.valueOf(i + 1L).setScale(1);
            }
        }
        return null;
    }
}
