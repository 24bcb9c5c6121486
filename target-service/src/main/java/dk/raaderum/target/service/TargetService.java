package dk.raaderum.target.service;

import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.target.domain.AllocationException;
import dk.raaderum.target.domain.AllocationRound;
import dk.raaderum.target.domain.BaseBudget;
import dk.raaderum.target.domain.EfficiencyTarget;
import dk.raaderum.target.domain.Horizon;
import dk.raaderum.target.domain.Percent;
import dk.raaderum.target.domain.TargetKind;
import dk.raaderum.target.domain.TargetRequirement;
import dk.raaderum.target.domain.TargetStatus;
import dk.raaderum.target.domain.TargetYear;
import dk.raaderum.target.repository.AllocationRoundRepository;
import dk.raaderum.target.repository.BaseBudgetRepository;
import dk.raaderum.target.repository.TargetRepository;
import dk.raaderum.target.service.TargetModels.Adoption;
import dk.raaderum.target.service.TargetModels.TargetInput;
import dk.raaderum.target.service.TargetModels.TargetView;
import dk.raaderum.target.service.TargetModels.TargetYearInput;
import dk.raaderum.target.service.TargetModels.TargetYearView;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Efficiency targets: define (DRAFT), change while DRAFT, adopt (publishes the current allocation round), delete a
 * draft, read. Allocation rounds are {@link AllocationService}.
 */
@ApplicationScoped
public class TargetService {

    /** 422 rule: a target with allocation rounds keeps its budget year. */
    public static final String RULE_BUDGET_YEAR_FIXED = "budget-year-fixed";
    /** 422 rule: a target asks for some room in at least one year. */
    public static final String RULE_TARGET_POSITIVE = "target-positive";
    /** 422 rule: a target's years (the first error named, all listed). */
    public static final String RULE_TARGET_YEARS = "target-years";

    /** 422 rule: the current allocation round was made for an earlier definition of the target. */
    public static final String RULE_ALLOCATION_OUTDATED = "allocation-outdated";

    private final TargetRepository targets;
    private final AllocationRoundRepository rounds;
    private final BaseBudgetRepository budgets;
    private final TargetPublisher publisher;
    private final TargetAccess access;
    private final Clock clock;

    public TargetService(TargetRepository targets, AllocationRoundRepository rounds, BaseBudgetRepository budgets,
            TargetPublisher publisher, TargetAccess access, Clock clock) {
        this.targets = targets;
        this.rounds = rounds;
        this.budgets = budgets;
        this.publisher = publisher;
        this.access = access;
        this.clock = clock;
    }

    public PageOf<TargetView> list(String municipality, Integer budgetYear, TargetStatus status, int page, int size) {
        Map<Integer, Optional<BaseBudget>> budgetCache = new HashMap<>();
        List<TargetView> items = targets.search(municipality, budgetYear, status, page, size).stream()
                .map(t -> view(t, budgetCache.computeIfAbsent(t.budgetYear, year -> budgets.findFor(municipality, year))))
                .toList();
        return new PageOf<>(items, page, size, targets.count(municipality, budgetYear, status));
    }

    public Optional<TargetView> get(String municipality, long id) {
        return targets.findInMunicipality(municipality, id).map(this::view);
    }

    @Transactional
    public TargetView create(Actor actor, String municipality, TargetInput input) {
        access.requireFinanceOfficer(actor, "set efficiency targets");
        checkDefinition(input);
        EfficiencyTarget target = new EfficiencyTarget();
        target.municipality = municipality;
        Instant now = clock.instant();
        target.created(actor.name(), now);
        apply(target, input, actor, now);
        targets.persist(target);
        targets.flush();
        return view(target);
    }

    @Transactional
    public TargetView update(Actor actor, String municipality, long id, TargetInput input, Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "change efficiency targets");
        EfficiencyTarget target = find(municipality, id);
        EntityTags.requireUnchanged(ifMatch, input.version(), target.version);
        requireDraft(target, "changed");
        checkDefinition(input);
        if (target.currentRound > 0 && target.budgetYear != input.budgetYear()) {
            throw ProblemException.ruleViolation(RULE_BUDGET_YEAR_FIXED,
                    "Target " + id + " has allocation rounds on the "
                    + target.budgetYear + " budget; its budget year cannot change. Create a new target for "
                    + input.budgetYear() + ".");
        }
        apply(target, input, actor, clock.instant());
        targets.flush();
        return view(target);
    }

    @Transactional
    public void delete(Actor actor, String municipality, long id, Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "delete efficiency targets");
        EfficiencyTarget target = find(municipality, id);
        EntityTags.checkIfMatch(ifMatch, target.version);
        requireDraft(target, "deleted");
        rounds.deleteForTarget(target.id);
        targets.delete(target);
    }

    /**
     * DRAFT → ADOPTED: the political decision. The current allocation round (if any) is published as
     * {@code target.allocated} and starts counting in coverage; later rounds are published as they are made.
     */
    @Transactional
    public TargetView adopt(Actor actor, String municipality, long id, Adoption adoption, Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "adopt efficiency targets");
        EfficiencyTarget target = find(municipality, id);
        EntityTags.checkUnchanged(ifMatch, adoption.version(), target.version);
        requireDraft(target, "adopted again");
        Optional<AllocationRound> current = target.currentRound > 0 ? rounds.findRound(target.id, target.currentRound)
                : Optional.empty();
        current.ifPresent(round -> requireRoundFits(target, round));
        Instant now = clock.instant();
        target.status = TargetStatus.ADOPTED;
        target.decisionReference = adoption.decisionReference().strip();
        target.adoptedAt = now;
        target.adoptedBy = actor.name();
        target.changed(actor.name(), now);
        current.ifPresent(round -> publisher.publish(target, round));
        targets.flush();
        return view(target);
    }

    /**
     * The round to publish was made for the target as it is now: its requirement per year, on the round's own budget
     * totals, is the target's. A target changed after its round (another kind, mode, percent or amount) is 422
     * {@code allocation-outdated} until a new round is made, so what coverage counts is what was adopted.
     */
    private static void requireRoundFits(EfficiencyTarget target, AllocationRound round) {
        Map<Integer, Long> budgetTotals = new HashMap<>();
        Map<Integer, Long> made = new HashMap<>();
        round.totals.forEach(total -> {
            budgetTotals.put(total.year, total.budgetTotal);
            made.put(total.year, total.requirement);
        });
        List<TargetRequirement.Year> now;
        try {
            now = TargetRequirement.resolve(target.kind, target.mode, target.horizon(), target.stated(), budgetTotals);
        } catch (AllocationException e) {
            throw TargetProblems.of(e);
        }
        for (TargetRequirement.Year year : now) {
            if (!Long.valueOf(year.requirement()).equals(made.get(year.year()))) {
                throw ProblemException.ruleViolation(RULE_ALLOCATION_OUTDATED, "Allocation round " + round.round
                        + " was made for a requirement of " + made.get(year.year()) + " kr. in " + year.year()
                        + "; the target now requires " + year.requirement() + " kr. Make a new round (POST"
                        + " …/targets/" + target.id + "/allocations) before adopting.");
            }
        }
    }

    EfficiencyTarget find(String municipality, long id) {
        return targets.findInMunicipality(municipality, id).orElseThrow(() -> ProblemException.notFound("Target", id));
    }

    static void requireDraft(EfficiencyTarget target, String what) {
        if (target.isAdopted()) {
            throw new ProblemException(TargetProblems.TARGET_ADOPTED, "Target " + target.id + " was adopted ("
                    + target.decisionReference + ") and cannot be " + what + "; change its split with a new allocation round");
        }
    }

    private static void apply(EfficiencyTarget target, TargetInput input, Actor actor, Instant now) {
        target.budgetYear = input.budgetYear();
        target.name = input.name().strip();
        target.description = input.description();
        target.kind = input.kind();
        target.mode = input.mode();
        target.responsibleBody = input.responsibleBody();
        target.responsibleName = input.responsibleName();
        target.years.clear();
        input.years().stream().sorted(Comparator.comparing(TargetYearInput::year))
                .forEach(y -> target.years.add(new TargetYear(y.year(), y.percent(), y.amount())));
        target.changed(actor.name(), now);
    }

    /** The rules Bean Validation cannot state: years of the horizon, once each, the figure that fits the kind. */
    static void checkDefinition(TargetInput input) {
        List<Integer> horizon = Horizon.of(input.budgetYear());
        List<FieldError> errors = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        boolean positive = false;
        for (int i = 0; i < input.years().size(); i++) {
            TargetYearInput year = input.years().get(i);
            String at = "years[" + i + "]";
            if (!horizon.contains(year.year())) {
                errors.add(new FieldError(at + ".year", year.year() + " is not one of the target's years " + horizon));
            } else if (!seen.add(year.year())) {
                errors.add(new FieldError(at + ".year", year.year() + " is given twice"));
            }
            if (input.kind() == TargetKind.PERCENT) {
                if (year.percent() == null) {
                    errors.add(new FieldError(at + ".percent", "a PERCENT target states a percent for each of its years"));
                }
                if (year.amount() != null) {
                    errors.add(new FieldError(at + ".amount", "a PERCENT target states no amount; the amount follows from"
                            + " the base budget"));
                }
                positive |= year.percent() != null && year.percent().signum() > 0;
            } else {
                if (year.amount() == null) {
                    errors.add(new FieldError(at + ".amount", "an AMOUNT target states an amount for each of its years"));
                }
                if (year.percent() != null) {
                    errors.add(new FieldError(at + ".percent", "an AMOUNT target states no percent"));
                }
                positive |= year.amount() != null && year.amount() > 0;
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_TARGET_YEARS,
                    errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
        if (!positive) {
            throw ProblemException.ruleViolation(RULE_TARGET_POSITIVE,
                    "A target asks for some room: give at least one year"
                    + " a percent or amount above 0");
        }
        if (input.kind() == TargetKind.AMOUNT) {
            requireWithinBound(input, horizon);
        }
    }

    /** An AMOUNT target's requirement (ANNUAL_NEW: the years' amounts added up) within the bound of every amount. */
    private static void requireWithinBound(TargetInput input, List<Integer> horizon) {
        Map<Integer, TargetRequirement.Stated> stated = new HashMap<>();
        input.years().forEach(y -> stated.put(y.year(), new TargetRequirement.Stated(null, y.amount())));
        try {
            TargetRequirement.withinBound(TargetRequirement.resolve(input.kind(), input.mode(), horizon, stated, null));
        } catch (AllocationException e) {
            throw TargetProblems.of(e);
        }
    }

    TargetView view(EfficiencyTarget target) {
        return view(target, budgets.findFor(target.municipality, target.budgetYear));
    }

    static TargetView view(EfficiencyTarget target, Optional<BaseBudget> budget) {
        Map<Integer, Long> totals = budget.map(BaseBudget::totals).orElse(null);
        List<TargetYearView> years;
        if (target.kind == TargetKind.PERCENT && totals == null) {
            years = target.horizon().stream().map(year -> {
                TargetYear stated = target.years.stream().filter(y -> y.year == year).findFirst().orElse(null);
                return new TargetYearView(year, stated == null ? null : stated.percent, null, null, null, null, null);
            }).toList();
        } else {
            years = TargetRequirement.resolve(target.kind, target.mode, target.horizon(), target.stated(), totals).stream()
                    .map(y -> new TargetYearView(y.year(), y.percent(), y.amount(), y.newAmount(), y.requirement(),
                            y.budgetTotal(), y.budgetTotal() == null ? null : Percent.of(y.requirement(), y.budgetTotal())))
                    .toList();
        }
        long stated = target.years.stream().filter(y -> positive(y.percent) || (y.amount != null && y.amount > 0)).count();
        return new TargetView(target.id, target.municipality, target.budgetYear, target.horizon(), target.name,
                target.description, target.kind, target.mode, stated <= 1 ? "ONE_YEAR" : "MULTI_YEAR",
                target.responsibleBody, target.responsibleName, target.status, target.decisionReference, target.adoptedAt,
                target.adoptedBy, years, budget.isPresent(), target.currentRound, target.publishedRound, target.createdAt,
                target.createdBy, target.updatedAt, target.updatedBy, target.version);
    }

    private static boolean positive(BigDecimal percent) {
        return percent != null && percent.signum() > 0;
    }
}
