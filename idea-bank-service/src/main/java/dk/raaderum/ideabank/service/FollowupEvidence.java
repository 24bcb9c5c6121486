package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.IdeaContent;
import dk.raaderum.ideabank.domain.IdeaHistoryEntry.Action;
import dk.raaderum.ideabank.domain.IdeaOrigin;
import dk.raaderum.ideabank.domain.IdeaRules;
import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.domain.InitiativeEvidence;
import dk.raaderum.ideabank.domain.InitiativeReport;
import dk.raaderum.ideabank.domain.PolicyAreas;
import dk.raaderum.ideabank.repository.AdoptionRepository;
import dk.raaderum.ideabank.repository.IdeaRepository;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.followup.BenefitReportedV1;
import dk.raaderum.platform.events.followup.InitiativeDecidedV1;
import dk.raaderum.platform.messaging.consumer.IncomingEvent;
import dk.raaderum.platform.messaging.consumer.PoisonMessageException;
import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.platform.web.security.Actor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * followup-service's events as evidence for ideas: every initiative's latest report per period
 * ({@code benefit.reported}), initiatives stopped ({@code initiative.terminated}) and experience shared
 * ({@code initiative.shared}). An initiative ties to an idea through its adopted proposal ({@link Adoptions}); one shared
 * that came from no idea becomes a submission for KL to curate.
 */
@ApplicationScoped
public class FollowupEvidence {

    private static final Logger LOG = Logger.getLogger(FollowupEvidence.class);

    private final AdoptionRepository adoptions;
    private final IdeaRepository ideas;
    private final IdeaEvidence evidence;
    private final IdeaWriter writer;

    public FollowupEvidence(AdoptionRepository adoptions, IdeaRepository ideas, IdeaEvidence evidence,
            IdeaWriter writer) {
        this.adoptions = adoptions;
        this.ideas = ideas;
        this.evidence = evidence;
        this.writer = writer;
    }

    /** A report version: kept when it is the newest of its period. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reported(IncomingEvent<BenefitReportedV1> event) {
        BenefitReportedV1 report = event.payload();
        InitiativeEvidence initiative = initiative(event.municipality(), report.initiativeId(), report.proposalId(),
                report.catalogYear(), report.title());
        InitiativeReport kept = adoptions.report(report.initiativeId(), report.period()).orElse(null);
        if (kept != null && kept.reportVersion >= report.reportVersion()) {
            return;
        }
        boolean isNew = kept == null;
        if (isNew) {
            kept = new InitiativeReport();
            kept.initiativeId = report.initiativeId();
            kept.period = report.period();
        }
        kept.year = report.year();
        kept.reportVersion = report.reportVersion();
        kept.expected = report.expected();
        kept.realised = report.realised();
        kept.evidenceLevel = report.evidenceLevel();
        kept.status = report.status();
        kept.reportedAt = report.reportedAt() == null ? event.time() : report.reportedAt();
        if (isNew) {
            adoptions.persist(kept);
        }
        evidence.refreshForProposal(initiative.proposalId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void terminated(IncomingEvent<InitiativeDecidedV1> event) {
        InitiativeDecidedV1 decision = event.payload();
        InitiativeEvidence initiative = initiative(event.municipality(), decision.initiativeId(), decision.proposalId(),
                decision.catalogYear(), decision.title());
        initiative.terminatedAt = decision.decidedAt() == null ? event.time() : decision.decidedAt();
        initiative.terminationReason = decision.reason();
    }

    /** Attached to the idea the initiative came from, or a submission of its own. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shared(IncomingEvent<InitiativeDecidedV1> event) {
        InitiativeDecidedV1 decision = event.payload();
        InitiativeEvidence initiative = initiative(event.municipality(), decision.initiativeId(), decision.proposalId(),
                decision.catalogYear(), decision.title());
        initiative.sharedAt = decision.decidedAt() == null ? event.time() : decision.decidedAt();
        initiative.sharedNarrative = decision.narrative();
        Actor actor = actor(event.municipality());
        Optional<Idea> from = adoptions.ideaOfProposal(initiative.proposalId).flatMap(ideas::findByIdOptional);
        if (from.isPresent()) {
            writer.record(from.get(), Action.FOLLOWUP_SHARED, actor, actor.name() + " delte sin opfølgning: "
                    + decision.narrative(), List.of());
        } else if (ideas.bySourceInitiative(decision.initiativeId()).isEmpty()) {
            submit(decision, event.municipality(), actor);
        }
    }

    private void submit(InitiativeDecidedV1 decision, String municipality, Actor actor) {
        IdeaContent content = content(decision);
        List<IdeaRules.Violation> broken = IdeaRules.check(content, false);
        if (!broken.isEmpty()) {
            LOG.infof("Shared initiative %d of %s is not taken into the idea bank: %s %s", decision.initiativeId(),
                    municipality, broken.get(0).field(), broken.get(0).message());
            return;
        }
        Idea idea = writer.draft(content, IdeaOrigin.SHARED_INITIATIVE, municipality, actor);
        idea.sourceInitiativeId = decision.initiativeId();
        writer.add(idea, IdeaStatus.SUBMITTED, actor, Action.SHARED, "Delt fra opfølgningen");
    }

    /** An initiative's experience as an idea: expected gains as room (negative), the narrative as its description. */
    static IdeaContent content(InitiativeDecidedV1 d) {
        ProposalType type = ProposalType.valueOf(d.type());
        List<YearAmount> amounts = d.expected() == null ? List.of() : d.expected().stream()
                .map(y -> new YearAmount(y.year(), Math.negateExact(y.amount()))).toList();
        String realised = d.realised() == null || d.realised().isEmpty() ? "" : "\n\nRealiseret: " + d.realised()
                .stream().map(y -> y.year() + ": " + y.amount() + " kr.").reduce((a, b) -> a + ", " + b).orElse("");
        String area = PolicyAreas.forMunicipalArea(d.area().name(), d.area().mainAccount()).code();
        return new IdeaContent(d.title(), null, (d.narrative() == null ? "" : d.narrative()) + realised, type,
                "Typen er den, forslaget blev vedtaget som (" + type.danish() + ")", type == ProposalType.SAVING, area,
                List.of(), d.catalogYear(), null, amounts.stream().filter(y -> y.year() < d.catalogYear() + 4).toList(),
                null, null, null, type == ProposalType.SAVING ? "Se kommunens budgetforslag og opfølgning" : null, null,
                "Opfølgning, initiativ " + d.initiativeId(), "initiativ-" + d.initiativeId()).normalised();
    }

    private InitiativeEvidence initiative(String municipality, long id, Long proposalId, int catalogYear, String title) {
        InitiativeEvidence initiative = adoptions.initiative(id).orElse(null);
        boolean isNew = initiative == null;
        if (isNew) {
            if (!Municipalities.exists(municipality)) {
                throw new PoisonMessageException("A follow-up event without a valid municipality: " + municipality,
                        null);
            }
            initiative = new InitiativeEvidence();
            initiative.initiativeId = id;
            initiative.municipality = municipality;
        }
        initiative.proposalId = proposalId == null ? initiative.proposalId : proposalId;
        initiative.catalogYear = catalogYear;
        initiative.title = title == null ? "" : title.length() > 300 ? title.substring(0, 300) : title;
        if (isNew) {
            adoptions.persist(initiative);
        }
        return initiative;
    }

    private static Actor actor(String municipality) {
        return new Actor("system:followup-events", "Opfølgning, " + IdeaViews.municipality(municipality).name(),
                municipality, null, Set.of(), true);
    }
}
