package dk.raaderum.proposal.service;

import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.platform.web.security.Roles;
import dk.raaderum.proposal.config.ProposalConfig;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.CatalogArea;
import dk.raaderum.proposal.domain.CatalogStatus;
import dk.raaderum.proposal.domain.ChangeKind;
import dk.raaderum.proposal.domain.OriginKind;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.domain.ProposalContent;
import dk.raaderum.proposal.domain.ProposalFigures;
import dk.raaderum.proposal.domain.ProposalStatus;
import dk.raaderum.proposal.domain.ProposalTransition;
import dk.raaderum.proposal.domain.ProposalYear;
import dk.raaderum.proposal.messaging.ProposalEvents;
import dk.raaderum.proposal.repository.CatalogRepository;
import dk.raaderum.proposal.repository.ChangeRepository;
import dk.raaderum.proposal.repository.ProposalRepository;
import dk.raaderum.proposal.repository.ProposalRepository.SimilarRow;
import dk.raaderum.proposal.repository.TransitionRepository;
import dk.raaderum.proposal.service.ProposalModels.ProposalInput;
import dk.raaderum.proposal.service.ProposalModels.ProposalSummary;
import dk.raaderum.proposal.service.ProposalModels.ProposalView;
import dk.raaderum.proposal.service.ProposalModels.SimilarView;
import dk.raaderum.proposal.service.ProposalModels.TransitionView;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writing and reading proposals. The workflow is {@link ProposalWorkflow}. Every content change goes through
 * {@link #write} (new proposals) or {@link #update} (edits and corrections), which record it in the proposal's history.
 */
@ApplicationScoped
public class ProposalService {

    /** 422 rule: a proposal keeps its area (its number belongs to it). */
    public static final String RULE_AREA_FIXED = "area-fixed";
    /** 422 rule: a predecessor is a proposal of an earlier catalog of the municipality. */
    public static final String RULE_PREDECESSOR = "predecessor";

    /** The statuses in which a proposal's content may still change. */
    static final EnumSet<ProposalStatus> EDITABLE = EnumSet.of(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED,
            ProposalStatus.QUALIFIED);

    private final CatalogRepository catalogs;
    private final ProposalRepository proposals;
    private final TransitionRepository transitions;
    private final CatalogSnapshots snapshots;
    private final ProposalAccess access;
    private final ProposalConfig.Karensperiode karens;
    private final IdeaReadModel ideas;
    private final ChangeLog changeLog;
    private final ChangeRepository changes;
    private final ProposalEvents events;
    private final Clock clock;

    public ProposalService(CatalogRepository catalogs, ProposalRepository proposals, TransitionRepository transitions,
            CatalogSnapshots snapshots, ProposalAccess access, ProposalConfig config, IdeaReadModel ideas,
            ChangeLog changeLog, ChangeRepository changes, ProposalEvents events, Clock clock) {
        this.catalogs = catalogs;
        this.proposals = proposals;
        this.transitions = transitions;
        this.snapshots = snapshots;
        this.access = access;
        this.karens = config.karensperiode();
        this.ideas = ideas;
        this.changeLog = changeLog;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ProposalView create(Actor actor, String municipality, long catalogId, ProposalInput input) {
        return view(write(actor, municipality, catalogId, input, "Oprettet"));
    }

    /** A new proposal in the catalog, checked as every proposal is; {@code comment} opens its history. */
    @Transactional(Transactional.TxType.MANDATORY)
    Proposal write(Actor actor, String municipality, long catalogId, ProposalInput input, String comment) {
        access.requireCanCreate(actor, input.origin().kind(), input.origin().party());
        Catalog catalog = catalog(municipality, catalogId);
        CatalogService.requireStatus(catalog, CatalogStatus.OPEN, "given new proposals");
        CatalogArea area = area(catalog, input.areaCode());
        Proposal proposal = new Proposal();
        proposal.catalog = catalog;
        proposal.municipality = municipality;
        proposal.budgetYear = catalog.budgetYear;
        apply(proposal, catalog, input);
        proposal.number = catalogs.lockArea(area).takeNumber();
        Instant now = clock.instant();
        proposal.createdAt = now;
        proposal.updatedAt = now;
        proposal.createdBy = actor.name();
        proposal.createdById = actor.id();
        proposals.persist(proposal);
        record(proposal, null, actor, now, comment, false);
        changeLog.record(proposal, ChangeKind.CREATED, ProposalContent.of(proposal).fromNothing(), actor, now, comment);
        proposals.flush();
        return proposal;
    }

    /**
     * The one path of a content change, for the PUT and for imports: an EDIT before presentation, a CORRECTION of a
     * presented proposal (finance officers, with {@code correctionReason}, published as proposal.corrected). The
     * change is recorded in the history with every field's old and new value; a change of nothing records nothing.
     */
    @Transactional
    public ProposalView update(Actor actor, String municipality, long id, ProposalInput input, Optional<Long> ifMatch) {
        Proposal proposal = visible(actor, municipality, id);
        access.requireCanEdit(actor, proposal);
        EntityTags.requireUnchanged(ifMatch, input.version(), proposal.version);
        ChangeKind kind = changeKind(actor, proposal, input.correctionReason());
        if (!proposal.areaCode.equals(input.areaCode())) {
            throw ProblemException.ruleViolation(RULE_AREA_FIXED, "The area of " + proposal.number
                    + " is fixed (its number belongs to it); withdraw it and write a new proposal in " + input.areaCode());
        }
        if (actor.hasRole(Roles.POLITICIAN) && !actor.hasRole(Roles.FINANCE_OFFICER)) {
            access.requireCanCreate(actor, input.origin().kind(), input.origin().party());
        }
        ProposalContent before = ProposalContent.of(proposal);
        apply(proposal, proposal.catalog, input);
        Instant now = clock.instant();
        proposal.updatedAt = now;
        String comment = input.correctionReason() == null || input.correctionReason().isBlank() ? null
                : input.correctionReason().strip();
        boolean changed = changeLog.record(proposal, kind, ProposalContent.of(proposal).changedSince(before), actor, now,
                comment);
        if (changed && kind == ChangeKind.CORRECTION) {
            events.corrected(proposal, comment, now);
        }
        proposals.flush();
        return view(proposal);
    }

    /**
     * EDIT while DRAFT, SUBMITTED or QUALIFIED in an open catalog; CORRECTION of a PRESENTED proposal (also while the
     * catalog is locked for the negotiations: that is when an error must be fixed) by a finance officer with a reason.
     * Decided and withdrawn proposals are final: adopted amounts are already in target coverage and follow-up.
     */
    private ChangeKind changeKind(Actor actor, Proposal proposal, String reason) {
        if (EDITABLE.contains(proposal.status)) {
            CatalogService.requireStatus(proposal.catalog, CatalogStatus.OPEN, "edited");
            return ChangeKind.EDIT;
        }
        if (proposal.status != ProposalStatus.PRESENTED) {
            throw new ProblemException(ProposalProblems.INVALID_TRANSITION, proposal.number + " is "
                    + proposal.status + " and can no longer be changed");
        }
        access.requireFinanceOfficer(actor, "correct a presented proposal");
        if (reason == null || reason.isBlank()) {
            throw new ProblemException(ProposalProblems.CORRECTION_REASON_REQUIRED, proposal.number + " is presented:"
                    + " a correction must state why in correctionReason", Map.of(),
                    List.of(new FieldError("correctionReason", "required to correct a presented proposal")));
        }
        return ChangeKind.CORRECTION;
    }

    /** The proposal as the API shows it, with its corrections. */
    ProposalView view(Proposal proposal) {
        return ProposalViews.proposal(proposal, changes.corrections(proposal.id).stream().map(ProposalViews::correction)
                .toList());
    }

    public Optional<ProposalView> get(Actor actor, String municipality, long id) {
        return proposals.findInMunicipality(municipality, id).filter(p -> access.canSee(actor, p))
                .map(this::view);
    }

    public PageOf<ProposalSummary> list(Actor actor, String municipality, long catalogId, ProposalFilter filter,
            String sort, int page, int size) {
        Catalog catalog = catalog(municipality, catalogId);
        Comparator<CatalogSnapshot.Entry> order = ProposalSearch.order(sort).orElseThrow(() -> ProblemException.validation(
                "sort: unknown key '" + sort + "'", List.of(new FieldError("sort", "one of "
                        + new TreeSet<>(ProposalSearch.SORTS.keySet()) + ", '-' first for descending"))));
        Set<String> committeeAreas = filter.committees().isEmpty() ? Set.of()
                : catalog.areas.stream().filter(a -> filter.committees().contains(a.committee)).map(a -> a.code)
                        .collect(Collectors.toSet());
        return ProposalSearch.page(snapshots.current(catalogId), filter, committeeAreas, access.visibility(actor), order,
                page, size).map(ProposalViews::summary);
    }

    public List<TransitionView> history(Actor actor, String municipality, long id) {
        visible(actor, municipality, id);
        return transitions.history(id).stream().map(ProposalViews::transition).toList();
    }

    /** Proposals resembling this one in the same municipality and area, in every year up to its own. */
    public List<SimilarView> similar(Actor actor, String municipality, long id) {
        Proposal proposal = visible(actor, municipality, id);
        return similar(actor, municipality, proposal.areaCode, proposal.title, proposal.description, proposal.id,
                proposal.budgetYear, proposal.catalog.karensYears);
    }

    /** The same for text not yet saved, so duplicates are caught while a proposal is written. */
    public List<SimilarView> similar(Actor actor, String municipality, long catalogId, String areaCode, String title,
            String description) {
        Catalog catalog = catalog(municipality, catalogId);
        area(catalog, areaCode);
        return similar(actor, municipality, areaCode, title, description == null ? "" : description, null,
                catalog.budgetYear, catalog.karensYears);
    }

    private List<SimilarView> similar(Actor actor, String municipality, String areaCode, String title, String description,
            Long excludeId, int budgetYear, int karensYears) {
        List<SimilarRow> rows = proposals.similar(municipality, areaCode, title, description, excludeId, 2000, budgetYear,
                karens.candidateThreshold(), karens.maxCandidates(), false);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Proposal> byId = proposals.list("id in ?1", rows.stream().map(SimilarRow::proposalId).toList())
                .stream().collect(Collectors.toMap(p -> p.id, p -> p));
        return rows.stream()
                .map(row -> new Candidate(byId.get(row.proposalId()), row.score()))
                .filter(candidate -> access.canSee(actor, candidate.proposal()))
                .map(candidate -> {
                    Proposal p = candidate.proposal();
                    boolean presentedNotAdopted = p.presentedAt != null && p.status != ProposalStatus.ADOPTED;
                    boolean inKarens = p.budgetYear < budgetYear && p.budgetYear >= budgetYear - karensYears;
                    return new SimilarView(p.id, p.number, p.title, p.budgetYear, p.status, p.areaCode,
                            Math.round(candidate.score() * 100) / 100.0, presentedNotAdopted,
                            inKarens && presentedNotAdopted && candidate.score() >= karens.similarityThreshold());
                })
                .toList();
    }

    private record Candidate(Proposal proposal, double score) {
    }

    Proposal visible(Actor actor, String municipality, long id) {
        return proposals.findInMunicipality(municipality, id).filter(p -> access.canSee(actor, p))
                .orElseThrow(() -> ProblemException.notFound("Proposal", id));
    }

    /** Records a workflow step (or the creation, from null) in the proposal's history. */
    void record(Proposal proposal, ProposalStatus from, Actor actor, Instant at, String comment, boolean karensOverride) {
        ProposalTransition transition = new ProposalTransition();
        transition.proposalId = proposal.id;
        transition.fromStatus = from;
        transition.toStatus = proposal.status;
        transition.actorId = actor.id();
        transition.actorName = actor.name();
        transition.at = at;
        transition.comment = comment;
        transition.karensOverride = karensOverride;
        transitions.persist(transition);
    }

    /**
     * The proposal's years if its content follows every rule in a catalog of these years (422 naming the rule
     * otherwise); writes nothing. {@code currentIdeaId} is the idea the proposal names already (not checked again).
     */
    List<ProposalYear> checked(String municipality, List<Integer> catalogYears, ProposalInput input,
            Long currentIdeaId) {
        ProposalRules.origin(input.origin(), municipality);
        Long ideaId = input.origin().kind() == OriginKind.IDEA_BANK ? input.origin().ideaId() : null;
        if (ideaId != null && !ideaId.equals(currentIdeaId)) {
            ideas.requirePublished(ideaId);
        }
        return ProposalRules.years(catalogYears, input);
    }

    private void apply(Proposal proposal, Catalog catalog, ProposalInput input) {
        List<ProposalYear> years = checked(catalog.municipality, catalog.years(), input, proposal.originIdeaId);
        proposal.title = input.title().strip();
        proposal.description = input.description().strip();
        proposal.type = input.type();
        proposal.classificationRationale = input.classificationRationale().strip();
        proposal.areaCode = input.areaCode();
        proposal.originKind = input.origin().kind();
        proposal.originParty = input.origin().party();
        proposal.originIdeaId = input.origin().ideaId();
        proposal.originMunicipality = input.origin().municipalityCode();
        proposal.years.clear();
        proposal.years.addAll(years);
        proposal.netTotal = ProposalFigures.of(proposal.type, years).netTotal();
        proposal.serviceConsequences = input.serviceConsequences();
        proposal.uncertainty = input.uncertainty();
        proposal.implementationStart = input.implementationStart();
        proposal.programOwner = input.programOwner();
        if (input.shareWithIdeaBank() != null) {
            proposal.shareWithIdeaBank = input.shareWithIdeaBank();
        }
        proposal.predecessor = input.predecessorId() == null ? null : predecessor(catalog, input.predecessorId());
    }

    private Proposal predecessor(Catalog catalog, long predecessorId) {
        Proposal predecessor = proposals.findInMunicipality(catalog.municipality, predecessorId)
                .orElseThrow(() -> ProblemException.ruleViolation(RULE_PREDECESSOR, "Predecessor " + predecessorId
                        + " is not a proposal of municipality " + catalog.municipality));
        if (predecessor.budgetYear >= catalog.budgetYear) {
            throw ProblemException.ruleViolation(RULE_PREDECESSOR, "A predecessor is a proposal of an earlier catalog; "
                    + predecessor.number + " is in " + predecessor.budgetYear);
        }
        return predecessor;
    }

    private Catalog catalog(String municipality, long catalogId) {
        return catalogs.findInMunicipality(municipality, catalogId)
                .orElseThrow(() -> ProblemException.notFound("Catalog", catalogId));
    }

    private static CatalogArea area(Catalog catalog, String code) {
        return catalog.area(code).orElseThrow(() -> ProblemException.ruleViolation(Catalog.RULE_UNKNOWN_AREA, "Catalog "
                + catalog.budgetYear + " has no policy area " + code + "; it has "
                + catalog.areas.stream().map(a -> a.code).toList()));
    }
}
