package dk.raaderum.proposal.service;

import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.CatalogStatus;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.domain.ProposalStatus;
import dk.raaderum.proposal.messaging.ProposalEvents;
import dk.raaderum.proposal.repository.ProposalRepository;
import dk.raaderum.proposal.service.CatalogModels.Adoption;
import dk.raaderum.proposal.service.CatalogModels.AdoptionResult;
import dk.raaderum.proposal.service.ProposalModels.ProposalView;
import dk.raaderum.proposal.service.ProposalModels.SharingInput;
import dk.raaderum.proposal.service.ProposalModels.TransitionInput;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The workflow of proposals and the budget agreement. Every step is recorded (who, when, from, to, comment) and
 * emits its event through the outbox in the same transaction.
 */
@ApplicationScoped
public class ProposalWorkflow {

    /** 422 rule: a budget agreement adopts presented proposals of its catalog. */
    public static final String RULE_ADOPT_PRESENTED = "adopt-presented";

    private final ProposalService proposals;
    private final CatalogService catalogs;
    private final ProposalRepository repository;
    private final ProposalAccess access;
    private final Karensperiode karensperiode;
    private final ProposalEvents events;
    private final BudgetAgreementCheck agreementCheck;
    private final Clock clock;

    public ProposalWorkflow(ProposalService proposals, CatalogService catalogs, ProposalRepository repository,
            ProposalAccess access, Karensperiode karensperiode, ProposalEvents events,
            BudgetAgreementCheck agreementCheck, Clock clock) {
        this.agreementCheck = agreementCheck;
        this.proposals = proposals;
        this.catalogs = catalogs;
        this.repository = repository;
        this.access = access;
        this.karensperiode = karensperiode;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ProposalView move(Actor actor, String municipality, long id, TransitionInput input, Optional<Long> ifMatch) {
        Proposal proposal = proposals.visible(actor, municipality, id);
        ProposalStatus target = input.action().target();
        access.requireCanMove(actor, proposal, target);
        EntityTags.checkUnchanged(ifMatch, input.version(), proposal.version);
        Catalog catalog = proposal.catalog;
        if (catalog.status == CatalogStatus.ADOPTED) {
            throw new ProblemException(ProposalProblems.CATALOG_CLOSED, "Catalog " + catalog.budgetYear
                    + " is adopted; its proposals are final");
        }
        if (catalog.status == CatalogStatus.LOCKED && target == ProposalStatus.SUBMITTED) {
            throw new ProblemException(ProposalProblems.CATALOG_CLOSED, "Catalog " + catalog.budgetYear
                    + " is locked for the negotiations; no new proposals can be submitted");
        }
        if (!proposal.status.canMoveTo(target)) {
            throw new ProblemException(ProposalProblems.INVALID_TRANSITION, proposal.number + " is " + proposal.status
                    + "; it cannot be moved to " + target + " (allowed: " + proposal.status.next() + ")");
        }
        String comment = input.comment();
        boolean override = false;
        if (target == ProposalStatus.PRESENTED) {
            Optional<Karensperiode.Hit> hit = karensperiode.check(proposal);
            if (hit.isPresent()) {
                String reason = input.karensperiodeOverrideReason();
                if (reason == null || reason.isBlank()) {
                    throw Karensperiode.problem(proposal, hit.get());
                }
                override = true;
                proposal.karensOverrideReason = reason.strip();
                comment = "Karensperiode tilsidesat (" + hit.get().earlier().number + ", " + hit.get().earlier().budgetYear
                        + "): " + reason.strip() + (comment == null || comment.isBlank() ? "" : ". " + comment);
            }
        }
        Instant now = clock.instant();
        step(proposal, target, actor, now, comment, override);
        repository.flush();
        return proposals.view(proposal);
    }

    /**
     * Offers the proposal to the idea bank, or stops offering it, in any status (sharing is not content, so an adopted
     * proposal can still be shared). A change is recorded in the history and published as proposal.sharing-changed;
     * the idea bank takes a presented or adopted shared proposal in as a submission and withdraws it when unshared.
     */
    @Transactional
    public ProposalView share(Actor actor, String municipality, long id, SharingInput input, Optional<Long> ifMatch) {
        Proposal proposal = proposals.visible(actor, municipality, id);
        access.requireFinanceOfficer(actor, "decide what is shared with the idea bank");
        EntityTags.requireUnchanged(ifMatch, input.version(), proposal.version);
        if (proposal.shareWithIdeaBank != input.shareWithIdeaBank()) {
            Instant now = clock.instant();
            proposal.shareWithIdeaBank = input.shareWithIdeaBank();
            proposal.updatedAt = now;
            String comment = proposal.shareWithIdeaBank ? "Delt med idébanken" : "Ikke længere delt med idébanken";
            proposals.record(proposal, proposal.status, actor, now, comment, false);
            events.sharingChanged(proposal, comment, now);
            repository.flush();
        }
        return proposals.view(proposal);
    }

    /**
     * The budget agreement, in one transaction: the listed presented proposals are adopted, every other presented
     * proposal is rejected, the catalog is adopted; each of them emits its event. The agreed selection is checked
     * against the economic policy and the fixed frames of a multi-year agreement covering the year
     * ({@link BudgetAgreementCheck}); breached frames are flagged to the finance committee.
     */
    @Transactional
    public AdoptionResult adopt(Actor actor, String municipality, long catalogId, Adoption adoption,
            Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "record the budget agreement");
        Catalog catalog = catalogs.find(municipality, catalogId);
        EntityTags.checkIfMatch(ifMatch, catalog.version);
        if (catalog.status == CatalogStatus.ADOPTED) {
            throw new ProblemException(ProposalProblems.CATALOG_CLOSED, "Catalog " + catalog.budgetYear
                    + " was adopted already");
        }
        List<Proposal> presented = repository.inStatus(catalogId, ProposalStatus.PRESENTED);
        Set<Long> presentedIds = new HashSet<>();
        presented.forEach(p -> presentedIds.add(p.id));
        Set<Long> wanted = new HashSet<>(adoption.adoptedProposalIds());
        List<FieldError> notPresented = wanted.stream().filter(id -> !presentedIds.contains(id)).sorted()
                .map(id -> new FieldError("adoptedProposalIds", id + " is not a presented proposal of this catalog"))
                .toList();
        if (!notPresented.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_ADOPT_PRESENTED, "Only presented proposals of the catalog can be"
                    + " adopted", notPresented);
        }
        CatalogModels.AgreedCheck check = agreementCheck.check(catalog, presented.stream().map(p -> p.id)
                .filter(wanted::contains).toList(), adoption.assumptions());
        Instant now = clock.instant();
        String comment = adoption.comment() == null || adoption.comment().isBlank() ? "Budgetforlig" : adoption.comment();
        List<Proposal> adopted = new ArrayList<>();
        List<Proposal> rejected = new ArrayList<>();
        for (Proposal proposal : presented) {
            boolean yes = wanted.contains(proposal.id);
            step(proposal, yes ? ProposalStatus.ADOPTED : ProposalStatus.REJECTED, actor, now, comment, false);
            (yes ? adopted : rejected).add(proposal);
        }
        catalog.status = CatalogStatus.ADOPTED;
        catalog.adoptedAt = now;
        agreementCheck.keep(catalog, adoption.assumptions(), check);
        events.catalogAdopted(catalog, adopted, rejected);
        events.catalogChanged(catalog, now);
        List<AgreementModels.FrameBreachView> breaches = agreementCheck.flagBreaches(catalog, check, now);
        repository.flush();
        return new AdoptionResult(catalog.id, catalog.status, adopted.stream().map(p -> p.id).toList(),
                rejected.stream().map(p -> p.id).toList(), now, check, breaches);
    }

    private void step(Proposal proposal, ProposalStatus target, Actor actor, Instant at, String comment, boolean override) {
        ProposalStatus from = proposal.status;
        proposal.status = target;
        proposal.updatedAt = at;
        if (target == ProposalStatus.PRESENTED) {
            proposal.presentedAt = at;
        }
        proposals.record(proposal, from, actor, at, comment, override);
        events.statusChanged(proposal, from, comment, at);
    }
}
