package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.ApplicationDecision;
import dk.raaderum.followup.domain.ApplicationStatus;
import dk.raaderum.followup.domain.ApplicationYear;
import dk.raaderum.followup.domain.AuditAction;
import dk.raaderum.followup.domain.BusinessCase;
import dk.raaderum.followup.domain.InvestmentApplication;
import dk.raaderum.followup.domain.InvestmentPool;
import dk.raaderum.followup.domain.PoolDecisionKind;
import dk.raaderum.followup.messaging.FollowupEvents;
import dk.raaderum.followup.repository.InvestmentApplicationRepository;
import dk.raaderum.followup.repository.InvestmentPoolRepository;
import dk.raaderum.followup.service.PoolModels.ApplicationDecisionInput;
import dk.raaderum.followup.service.PoolModels.ApplicationInput;
import dk.raaderum.followup.service.PoolModels.ApplicationView;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.problem.ProblemTypes;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.platform.web.text.KronerText;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Applications to an investment pool with a business case, and the decisions on them. A grant locks the pool's row,
 * draws the investment cost per year (never beyond what remains: 409 pool-exhausted), creates the follow-up initiative
 * and writes investment-pool.granted to the outbox, all in one transaction.
 */
@ApplicationScoped
public class InvestmentApplicationService {

    private static final Logger LOG = Logger.getLogger(InvestmentApplicationService.class);

    private final InvestmentPoolRepository pools;
    private final InvestmentApplicationRepository applications;
    private final InvestmentPoolService poolService;
    private final InitiativeService initiatives;
    private final AuditTrail audit;
    private final FollowupEvents events;
    private final Clock clock;

    public InvestmentApplicationService(InvestmentPoolRepository pools, InvestmentApplicationRepository applications,
            InvestmentPoolService poolService, InitiativeService initiatives, AuditTrail audit, FollowupEvents events,
            Clock clock) {
        this.pools = pools;
        this.applications = applications;
        this.poolService = poolService;
        this.initiatives = initiatives;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ApplicationView apply(Actor actor, String municipality, long poolId, ApplicationInput input) {
        InvestmentPool pool = poolService.find(municipality, poolId);
        InvestmentApplication application = new InvestmentApplication();
        application.poolId = pool.id;
        application.municipality = municipality;
        describe(application, pool, input);
        application.status = ApplicationStatus.SUBMITTED;
        application.submittedAt = clock.instant();
        application.submittedBy = actor.name();
        applications.persist(application);
        applications.flush();
        audit.recordPool(pool.id, application.id, AuditAction.APPLIED, actor, application.submittedAt,
                "Ansøgning " + application.id + " fra " + application.committee + ": " + businessCase(application));
        return view(application);
    }

    /** A submitted application, or one asked for changes, is changed and (re-)submitted; a decided one cannot change. */
    @Transactional
    public ApplicationView change(Actor actor, String municipality, long poolId, long id, ApplicationInput input,
            Optional<Long> ifMatch) {
        InvestmentPool pool = poolService.find(municipality, poolId);
        InvestmentApplication application = find(pool.id, id);
        EntityTags.requireUnchanged(ifMatch, input.version(), application.version);
        if (!application.status.canChange()) {
            throw invalidTransition(application, "cannot change: the decision on it is final");
        }
        String before = businessCase(application);
        describe(application, pool, input);
        application.status = ApplicationStatus.SUBMITTED;
        applications.flush();
        audit.recordPool(pool.id, application.id, AuditAction.APPLICATION_CHANGED, actor, clock.instant(),
                "Ansøgning " + application.id + " ændret og indsendt: " + before + " → " + businessCase(application));
        return view(application);
    }

    public PageOf<ApplicationView> list(String municipality, long poolId, ApplicationStatus status, int page, int size) {
        InvestmentPool pool = poolService.find(municipality, poolId);
        return applications.ofPool(pool.id, status, page, size).map(this::view);
    }

    public Optional<ApplicationView> get(String municipality, long poolId, long id) {
        InvestmentPool pool = poolService.find(municipality, poolId);
        return applications.findInPool(pool.id, id).map(this::view);
    }

    /**
     * GRANT, REJECT or ASK_FOR_CHANGES on a submitted application. Every decision first locks the pool's row, so two
     * grants on one pool run one after the other: the second sees what the first drew.
     */
    @Transactional
    public ApplicationView decide(Actor actor, String municipality, long poolId, long id,
            ApplicationDecisionInput input, Optional<Long> ifMatch) {
        InvestmentPool pool = pools.lockInMunicipality(municipality, poolId)
                .orElseThrow(() -> ProblemException.notFound("Investment pool", poolId));
        InvestmentApplication application = find(pool.id, id);
        EntityTags.checkUnchanged(ifMatch, input.version(), application.version);
        PoolDecisionKind kind = input.decision();
        Governance.requireMayRegister(actor, kind.needsGovernance(), kind + " is decided by the council, the finance"
                + " committee, a standing committee or the executive board, and registered on its behalf by a finance"
                + " officer; a politician cannot register it alone (ASK_FOR_CHANGES is open to politicians)");
        if (kind.needsReason() && Texts.isBlank(input.reason())) {
            throw ProblemException.ruleViolation(DecisionService.RULE_REASON_REQUIRED,
                    "A decision to " + kind + " gives its reason",
                    List.of(new FieldError("reason", "required for " + kind)));
        }
        Governance.check(kind.name(), kind.needsGovernance(), new Governance.Body(input.decidingBody(),
                input.decidingBodyName(), input.decisionReference()));
        if (!application.status.awaitsDecision()) {
            throw invalidTransition(application, application.status == ApplicationStatus.CHANGES_REQUESTED
                    ? "awaits the committee's changes: change and re-submit it first" : "is decided already");
        }
        ApplicationDecision decision = decision(actor, application, input);
        Long initiativeId = kind == PoolDecisionKind.GRANT ? grant(actor, pool, application, decision) : null;
        application.decided(kind, initiativeId, decision.decidedAt);
        decision.initiativeId = initiativeId;
        applications.persist(decision);
        audit.recordPool(pool.id, application.id, AuditAction.APPLICATION_DECIDED, actor, decision.decidedAt,
                describe(decision, application));
        if (kind == PoolDecisionKind.GRANT) {
            events.poolGranted(pool, application, decision);
        }
        applications.flush();
        LOG.infof("Investment pool %d (%s): application %d %s by %s; remaining %s", pool.id, municipality,
                application.id, kind, actor.name(), pool.remaining());
        return view(application);
    }

    /** Draws the cost on the pool (never beyond what remains) and registers the follow-up initiative. */
    private long grant(Actor actor, InvestmentPool pool, InvestmentApplication application,
            ApplicationDecision decision) {
        Map<Integer, Long> costs = application.costs();
        List<Integer> outside = costs.keySet().stream().filter(year -> pool.year(year).isEmpty()).toList();
        if (!outside.isEmpty()) {
            throw ProblemException.ruleViolation(PoolRules.RULE_YEAR_OUTSIDE_POOL, "The pool has no amount for "
                    + outside + "; the application must be changed to the pool's years "
                    + pool.remaining().keySet());
        }
        Map<Integer, Long> shortfall = pool.shortfall(costs);
        if (!shortfall.isEmpty()) {
            throw new ProblemException(FollowupProblems.POOL_EXHAUSTED, "The pool \"" + pool.name + "\" cannot cover"
                    + " the investment cost: it remains " + yearsText(pool.remaining()) + "; short by "
                    + yearsText(shortfall),
                    Map.of("poolId", pool.id, "remaining", PoolRules.yearAmounts(pool.remaining()),
                            "shortfall", PoolRules.yearAmounts(shortfall)), List.of());
        }
        pool.draw(costs);
        String body = (decision.decidingBodyName != null ? decision.decidingBodyName : decision.decidingBody.name())
                + ", " + decision.decisionReference;
        return initiatives.registerGranted(actor, pool, application, body);
    }

    private ApplicationDecision decision(Actor actor, InvestmentApplication application, ApplicationDecisionInput input) {
        ApplicationDecision decision = new ApplicationDecision();
        decision.applicationId = application.id;
        decision.municipality = application.municipality;
        decision.kind = input.decision();
        decision.reason = Texts.blankToNull(input.reason());
        decision.decidingBody = input.decidingBody();
        decision.decidingBodyName = Texts.blankToNull(input.decidingBodyName());
        decision.decisionReference = Texts.blankToNull(input.decisionReference());
        decision.decidedAt = clock.instant();
        decision.decidedBy = actor.name();
        decision.decidedById = actor.id();
        return decision;
    }

    /** The business case checked against the pool and the payback rule, then taken over. */
    private static void describe(InvestmentApplication application, InvestmentPool pool, ApplicationInput input) {
        List<ApplicationYear> years = businessCaseYears(pool, input);
        application.committee = input.committee().strip();
        application.title = input.title().strip();
        application.description = Texts.blankToNull(input.description());
        application.areaCode = input.area().code().strip();
        application.areaName = input.area().name().strip();
        application.areaMainAccount = input.area().mainAccount();
        application.areaCommittee = Texts.blankToNull(input.area().committee());
        application.paybackYears = input.paybackYears();
        application.uncertainty = input.uncertainty();
        application.owner = input.owner().strip();
        application.years.clear();
        application.years.addAll(years);
    }

    /**
     * The rules of a business case: costs and gains each year once and 0 or more, at least one cost, costs in the
     * pool's years and within its amount of the year, gains from the first cost year and the 9 after it, and the
     * stated payback the one that follows from the amounts.
     */
    static List<ApplicationYear> businessCaseYears(InvestmentPool pool, ApplicationInput input) {
        List<InitiativeModels.YearAmountInput> costInput = input.investmentCost() == null ? List.of() : input.investmentCost();
        List<InitiativeModels.YearAmountInput> gainInput = input.expectedGains() == null ? List.of() : input.expectedGains();
        SortedMap<Integer, Long> costs = PoolRules.byYear("investmentCost", costInput);
        SortedMap<Integer, Long> gains = PoolRules.byYear("expectedGains", gainInput);
        if (costs.values().stream().noneMatch(cost -> cost > 0)) {
            throw ProblemException.ruleViolation(PoolRules.RULE_INVESTMENT_COST_REQUIRED, "A business case for the"
                    + " investment pool has an investment cost above 0 in at least one year",
                    List.of(new FieldError("investmentCost", "at least one year with a cost above 0")));
        }
        checkAgainstPool(pool, costInput, costs);
        int firstCostYear = costs.entrySet().stream().filter(e -> e.getValue() > 0).findFirst().orElseThrow().getKey();
        InitiativeService.checkYears(firstCostYear, "investmentCost", costInput);
        InitiativeService.checkYears(firstCostYear, "expectedGains", gainInput);
        OptionalInt computed = BusinessCase.paybackYears(costs, gains);
        if (computed.isEmpty() || computed.getAsInt() != input.paybackYears()) {
            ProblemException problem = ProblemException.ruleViolation(PoolRules.RULE_PAYBACK_INCONSISTENT,
                    "The stated payback is " + input.paybackYears() + " years, but "
                            + (computed.isPresent() ? "the cumulative gains reach the cumulative costs in year "
                                    + computed.getAsInt() : "the cumulative gains never reach the cumulative costs")
                            + " (year 1 = " + firstCostYear + ", the first year with an investment cost)",
                    List.of(new FieldError("paybackYears", computed.isPresent() ? "follows from the amounts: "
                            + computed.getAsInt() : "the gains do not pay the investment back within the years given")))
                    .with("statedPayback", input.paybackYears()).with("paybackReached", computed.isPresent());
            throw computed.isPresent() ? problem.with("computedPayback", computed.getAsInt()) : problem;
        }
        TreeSet<Integer> years = new TreeSet<>(costs.keySet());
        years.addAll(gains.keySet());
        return years.stream().map(year -> new ApplicationYear(year, costs.getOrDefault(year, 0L),
                gains.getOrDefault(year, 0L))).toList();
    }

    /** Costs only in the pool's years (year-outside-pool), each within the pool's whole amount of the year (beyond-pool). */
    private static void checkAgainstPool(InvestmentPool pool, List<InitiativeModels.YearAmountInput> costInput,
            Map<Integer, Long> costs) {
        Map<Integer, String> outside = new HashMap<>();
        Map<Integer, String> beyond = new HashMap<>();
        costs.forEach((year, cost) -> pool.year(year).ifPresentOrElse(of -> {
            if (cost > of.amount) {
                beyond.put(year, KronerText.format(cost) + " is more than the pool's " + KronerText.format(of.amount) + " in " + year);
            }
        }, () -> outside.put(year, year + " is not a year of the pool " + pool.remaining().keySet())));
        if (!outside.isEmpty()) {
            throw ProblemException.ruleViolation(PoolRules.RULE_YEAR_OUTSIDE_POOL, "Investment costs are drawn on the"
                    + " pool, so they fall in its years " + pool.remaining().keySet(),
                    PoolRules.errorsFor("investmentCost", costInput, outside));
        }
        if (!beyond.isEmpty()) {
            throw ProblemException.ruleViolation(PoolRules.RULE_BEYOND_POOL, "An investment cost is larger than the"
                    + " pool's whole amount of the year", PoolRules.errorsFor("investmentCost", costInput, beyond));
        }
    }

    InvestmentApplication find(long poolId, long id) {
        return applications.findInPool(poolId, id)
                .orElseThrow(() -> ProblemException.notFound("Investment application", id));
    }

    private ApplicationView view(InvestmentApplication application) {
        return PoolViews.application(application, applications.decisions(application.id));
    }

    private static ProblemException invalidTransition(InvestmentApplication application, String why) {
        return new ProblemException(ProblemTypes.INVALID_TRANSITION, "Application " + application.id + " is "
                + application.status + " and " + why, Map.of("applicationStatus", application.status.name()), List.of());
    }

    /** {@code 2021: 0 kr., 2022: 8.500.000 kr.} */
    private static String yearsText(Map<Integer, Long> byYear) {
        StringBuilder text = new StringBuilder();
        byYear.forEach((year, amount) -> text.append(text.isEmpty() ? "" : ", ").append(year).append(": ")
                .append(KronerText.format(amount)));
        return text.toString();
    }

    private static String businessCase(InvestmentApplication a) {
        StringBuilder text = new StringBuilder("\"").append(a.title).append("\"; investering");
        a.costs().forEach((year, cost) -> text.append(' ').append(year).append(": ").append(KronerText.format(cost)));
        text.append("; gevinst");
        a.gains().forEach((year, gain) -> text.append(' ').append(year).append(": ").append(KronerText.format(gain)));
        return text.append("; tilbagebetaling ").append(a.paybackYears).append(" år; usikkerhed ")
                .append(a.uncertainty).append("; ejer ").append(a.owner).toString();
    }

    private static String describe(ApplicationDecision d, InvestmentApplication a) {
        StringBuilder text = new StringBuilder("Beslutning om ansøgning ").append(a.id).append(": ").append(d.kind);
        if (d.decidingBody != null) {
            text.append(" (").append(d.decidingBodyName != null ? d.decidingBodyName : d.decidingBody.name())
                    .append(", ").append(d.decisionReference).append(')');
        }
        if (d.reason != null) {
            text.append(" – ").append(d.reason);
        }
        if (d.initiativeId != null) {
            text.append("; initiativ ").append(d.initiativeId);
        }
        return text.toString();
    }
}
