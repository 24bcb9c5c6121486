package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.AuditAction;
import dk.raaderum.followup.domain.Decision;
import dk.raaderum.followup.domain.DecisionKind;
import dk.raaderum.followup.domain.DecisionYear;
import dk.raaderum.followup.domain.EvidenceLevel;
import dk.raaderum.followup.domain.Initiative;
import dk.raaderum.followup.domain.InitiativeStatus;
import dk.raaderum.followup.domain.InitiativeYear;
import dk.raaderum.followup.domain.ReportSlot;
import dk.raaderum.followup.domain.SlotRules;
import dk.raaderum.followup.domain.SlotStatus;
import dk.raaderum.followup.domain.YearRealisation;
import dk.raaderum.followup.messaging.FollowupEvents;
import dk.raaderum.followup.repository.BenefitReportRepository;
import dk.raaderum.followup.repository.DecisionRepository;
import dk.raaderum.followup.service.DecisionModels.DecisionInput;
import dk.raaderum.followup.service.DecisionModels.DecisionView;
import dk.raaderum.followup.service.InitiativeModels.YearAmountInput;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.platform.web.text.KronerText;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decisions on initiatives (advice 7 of KL's report: celebrate, learn and spread what works; adjust or end what does
 * not). ADJUST, TERMINATE and SCALE_UP are registered by a finance officer on behalf of the body that took them, with
 * the body and meeting; CONTINUE and SHARE by finance officers and politicians. Each is kept with the figures it was
 * taken on; TERMINATE, SCALE_UP and SHARE are published as events.
 */
@ApplicationScoped
public class DecisionService {

    /** 422 rule: ADJUST gives the new expected gain of the years it changes. */
    public static final String RULE_ADJUST_NEEDS_PROFILE = "adjust-needs-profile";
    /**
     * 422 rule: a field given that the decision does not use (expected only for ADJUST, scaleUpAreas only for
     * SCALE_UP).
     */
    public static final String RULE_FIELD_NOT_FOR_DECISION = "field-not-for-decision";
    /** 422 rule: a decision that needs a reason (ADJUST, TERMINATE, REJECT, ASK_FOR_CHANGES) gives one. */
    public static final String RULE_REASON_REQUIRED = "reason-required";
    /** 422 rule: a year that is reported on keeps its expected gain. */
    public static final String RULE_REPORTED_YEAR_FIXED = "reported-year-fixed";
    /** 422 rule: SCALE_UP names the areas to spread it to. */
    public static final String RULE_SCALE_UP_NEEDS_AREAS = "scale-up-needs-areas";
    /** 422 rule: an initiative is shared with its realised gains: it needs a report first. */
    public static final String RULE_SHARE_NEEDS_REPORT = "share-needs-report";

    /** 422 rule: ADJUST, TERMINATE and SCALE_UP name the deciding body and the meeting (the fields are listed). */
    public static final String RULE_GOVERNANCE_REQUIRED = Governance.RULE_GOVERNANCE_REQUIRED;
    /** 422 rule: a director or department head does not take decisions on initiatives. */
    public static final String RULE_NOT_A_DECIDING_BODY = Governance.RULE_NOT_A_DECIDING_BODY;

    private final InitiativeService initiatives;
    private final DecisionRepository decisions;
    private final BenefitReportRepository reports;
    private final SettingsService settings;
    private final SlotPlanning planning;
    private final AuditTrail audit;
    private final FollowupEvents events;
    private final Clock clock;

    public DecisionService(InitiativeService initiatives, DecisionRepository decisions, BenefitReportRepository reports,
            SettingsService settings, SlotPlanning planning, AuditTrail audit, FollowupEvents events, Clock clock) {
        this.initiatives = initiatives;
        this.decisions = decisions;
        this.reports = reports;
        this.settings = settings;
        this.planning = planning;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public DecisionView decide(Actor actor, String municipality, long initiativeId, DecisionInput input,
            Optional<Long> ifMatch) {
        Initiative initiative = initiatives.lock(municipality, initiativeId);
        EntityTags.checkUnchanged(ifMatch, input.version(), initiative.version);
        if (!initiative.isActive()) {
            throw new ProblemException(FollowupProblems.INITIATIVE_TERMINATED, "Initiative " + initiative.id
                    + " was terminated on " + initiative.terminatedAt + "; no further decisions can be taken");
        }
        DecisionKind kind = input.decision();
        requireMayRegister(actor, kind);
        checkFields(input);
        checkGovernance(input);
        Map<Integer, Long> expectedBefore = new TreeMap<>();
        initiative.years.forEach(y -> expectedBefore.put(y.year, y.expected));
        Instant now = clock.instant();
        apply(initiative, kind, input, municipality, now);

        Decision decision = newDecision(actor, municipality, initiative, input, expectedBefore, now);
        decisions.persist(decision);
        audit.record(initiative.id, AuditAction.DECIDED, actor, now, describe(decision));
        events.decided(initiative, decision);
        decisions.flush();
        return InitiativeViews.decision(decision);
    }

    /** What the decision changes on the initiative (ADJUST its expected gains, TERMINATE it); each is its last. */
    private void apply(Initiative initiative, DecisionKind kind, DecisionInput input, String municipality,
            Instant now) {
        switch (kind) {
            case ADJUST -> adjust(initiative, input.expected(), settings.rules(municipality));
            case TERMINATE -> {
                initiative.status = InitiativeStatus.TERMINATED;
                initiative.terminatedAt = now;
                planning.closeOpenSlots(initiative);
            }
            case SHARE -> {
                if (initiative.slots.stream().noneMatch(s -> s.status == SlotStatus.REPORTED)) {
                    throw ProblemException.ruleViolation(RULE_SHARE_NEEDS_REPORT,
                            "An initiative is shared with its realised"
                            + " evidence: report on at least one period first");
                }
            }
            case CONTINUE, SCALE_UP -> {
                // recorded as they are
            }
        }
        initiative.refreshFigures();
        initiative.lastDecision = kind;
        initiative.lastDecisionAt = now;
    }

    /** The decision as recorded: each year before and after it and, for TERMINATE, the gains at risk. */
    private Decision newDecision(Actor actor, String municipality, Initiative initiative, DecisionInput input,
            Map<Integer, Long> expectedBefore, Instant now) {
        DecisionKind kind = input.decision();
        Decision decision = new Decision();
        decision.initiativeId = initiative.id;
        decision.municipality = municipality;
        decision.kind = kind;
        decision.reason = Texts.blankToNull(input.reason());
        decision.narrative = Texts.blankToNull(input.narrative());
        if (kind == DecisionKind.SHARE && decision.narrative == null) {
            decision.narrative = reports.latest(initiative.id).map(r -> r.narrative).orElse(null);
        }
        if (kind == DecisionKind.SCALE_UP) {
            input.scaleUpAreas().forEach(area -> decision.scaleUpAreas.add(area.strip()));
        }
        long budgetRisk = 0;
        for (InitiativeYear year : initiative.years) {
            YearRealisation r = year.figures();
            Long remainder = null;
            if (kind == DecisionKind.TERMINATE) {
                // every open slot is closed now, so the year's gains at risk are adopted − realised (not below 0)
                remainder = r.gainsAtRisk();
                budgetRisk += remainder;
            }
            decision.years.add(new DecisionYear(year.year, year.adopted,
                    expectedBefore.getOrDefault(year.year, 0L), year.expected, r.hasReports() ? r.realised() : null,
                    remainder));
        }
        decision.budgetRisk = kind == DecisionKind.TERMINATE ? budgetRisk : null;
        decision.evidenceLevel = weakestEvidence(initiative);
        decision.decidingBody = input.decidingBody();
        decision.decidingBodyName = Texts.blankToNull(input.decidingBodyName());
        decision.decisionReference = Texts.blankToNull(input.decisionReference());
        decision.decidedAt = now;
        decision.decidedBy = actor.name();
        decision.decidedById = actor.id();
        return decision;
    }

    public PageOf<DecisionView> history(String municipality, long initiativeId, int page, int size) {
        Initiative initiative = initiatives.find(municipality, initiativeId);
        return decisions.history(initiative.id, page, size).map(InitiativeViews::decision);
    }

    public Optional<DecisionView> get(String municipality, long initiativeId, long decisionId) {
        Initiative initiative = initiatives.find(municipality, initiativeId);
        return decisions.findOfInitiative(initiative.id, decisionId).map(InitiativeViews::decision);
    }

    /** The weakest evidence level of the latest report of each reported slot, or null. */
    static EvidenceLevel weakestEvidence(Initiative initiative) {
        EvidenceLevel weakest = null;
        for (ReportSlot slot : initiative.slots) {
            if (slot.status == SlotStatus.REPORTED) {
                weakest = EvidenceLevel.weakest(weakest, slot.evidenceLevel);
            }
        }
        return weakest;
    }

    /**
     * A decision that changes what the budget can count on (ADJUST, TERMINATE, SCALE_UP) is taken by a political or
     * executive body; a finance officer registers it on its behalf. A politician alone may not: one member of one
     * party is not the body.
     */
    static void requireMayRegister(Actor actor, DecisionKind kind) {
        Governance.requireMayRegister(actor, kind.needsGovernance(), kind + " is decided by the council, the finance"
                + " committee, a standing committee or the executive board, and registered on its behalf by a finance"
                + " officer; a politician cannot register it alone (CONTINUE and SHARE are open to politicians)");
    }

    /**
     * The body and meeting: required for ADJUST, TERMINATE and SCALE_UP, optional for CONTINUE and SHARE; when given,
     * complete (a meeting reference, and a standing committee's name). Every missing field is named.
     */
    private static void checkGovernance(DecisionInput input) {
        Governance.check(input.decision().name(), input.decision().needsGovernance(), new Governance.Body(
                input.decidingBody(), input.decidingBodyName(), input.decisionReference()));
    }

    /** Which fields each decision needs, and which it must not have. */
    private static void checkFields(DecisionInput input) {
        DecisionKind kind = input.decision();
        boolean hasReason = input.reason() != null && !input.reason().isBlank();
        boolean hasExpected = input.expected() != null && !input.expected().isEmpty();
        boolean hasAreas = input.scaleUpAreas() != null && !input.scaleUpAreas().isEmpty();
        if ((kind == DecisionKind.ADJUST || kind == DecisionKind.TERMINATE) && !hasReason) {
            throw ProblemException.ruleViolation(RULE_REASON_REQUIRED, "A decision to " + kind + " gives its reason",
                    List.of(new FieldError("reason", "required for " + kind)));
        }
        if (kind == DecisionKind.ADJUST && !hasExpected) {
            throw ProblemException.ruleViolation(RULE_ADJUST_NEEDS_PROFILE,
                    "ADJUST gives the new expected gain of the years"
                    + " it changes", List.of(new FieldError("expected", "required for ADJUST")));
        }
        if (kind != DecisionKind.ADJUST && hasExpected) {
            throw ProblemException.ruleViolation(RULE_FIELD_NOT_FOR_DECISION, "expected is only for ADJUST",
                    List.of(new FieldError("expected", "only for ADJUST")));
        }
        if (kind == DecisionKind.SCALE_UP && !hasAreas) {
            throw ProblemException.ruleViolation(RULE_SCALE_UP_NEEDS_AREAS, "SCALE_UP names the areas to spread it to",
                    List.of(new FieldError("scaleUpAreas", "required for SCALE_UP")));
        }
        if (kind != DecisionKind.SCALE_UP && hasAreas) {
            throw ProblemException.ruleViolation(RULE_FIELD_NOT_FOR_DECISION, "scaleUpAreas is only for SCALE_UP",
                    List.of(new FieldError("scaleUpAreas", "only for SCALE_UP")));
        }
    }

    /**
     * The new expectation of each listed year; a year already reported cannot change, a new year is added (nothing
     * was taken out of the budget for it), and the slots follow.
     */
    private void adjust(Initiative initiative, List<YearAmountInput> expected, SlotRules rules) {
        InitiativeService.checkYears(initiative.catalogYear, "expected", expected);
        List<FieldError> fixed = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            YearAmountInput change = expected.get(i);
            long current = initiative.year(change.year()).map(y -> y.expected).orElse(0L);
            if (change.amount() != current && SlotPlanning.isReported(initiative, change.year())) {
                fixed.add(new FieldError("expected[" + i + "].year", change.year() + " is reported; its expectation is fixed"));
            }
        }
        if (!fixed.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_REPORTED_YEAR_FIXED,
                    "A year that is reported on keeps its expected"
                    + " gain; correct the report instead", fixed);
        }
        for (YearAmountInput change : expected) {
            InitiativeYear year = initiative.year(change.year())
                    .orElseGet(() -> new InitiativeYear(change.year(), 0, 0, null, null));
            if (year.expected == change.amount()) {
                continue;
            }
            initiative.putYear(year.withExpected(change.amount()));
            planning.replanYear(initiative, change.year(), change.amount(), rules);
        }
    }

    private static String describe(Decision d) {
        StringBuilder text = new StringBuilder("Beslutning: ").append(d.kind);
        if (d.decidingBody != null) {
            text.append(" (").append(d.decidingBodyName != null ? d.decidingBodyName : d.decidingBody.name())
                    .append(", ").append(d.decisionReference).append(')');
        }
        if (d.reason != null) {
            text.append(" – ").append(d.reason);
        }
        if (d.kind == DecisionKind.ADJUST) {
            d.years.stream().filter(y -> y.expectedBefore != y.expectedAfter).forEach(y -> text.append("; ").append(y.year)
                    .append(": ").append(KronerText.format(y.expectedBefore)).append(" → ").append(KronerText.format(y.expectedAfter)));
        }
        if (d.kind == DecisionKind.TERMINATE) {
            text.append("; urealiseret restgevinst (budgetrisiko) ").append(KronerText.format(d.budgetRisk));
        }
        if (d.kind == DecisionKind.SCALE_UP) {
            text.append("; udbredes til ").append(String.join(", ", d.scaleUpAreas));
        }
        return text.toString();
    }

}
