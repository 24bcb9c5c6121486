package dk.raaderum.target.service;

import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.target.config.TargetConfig;
import dk.raaderum.target.domain.AllocationCalculator;
import dk.raaderum.target.domain.AllocationException;
import dk.raaderum.target.domain.AllocationKey;
import dk.raaderum.target.domain.AllocationLine;
import dk.raaderum.target.domain.AllocationRound;
import dk.raaderum.target.domain.AllocationTotal;
import dk.raaderum.target.domain.BaseBudget;
import dk.raaderum.target.domain.BudgetArea;
import dk.raaderum.target.domain.DifferentiatedFunction;
import dk.raaderum.target.domain.EfficiencyTarget;
import dk.raaderum.target.domain.IndexSource;
import dk.raaderum.target.domain.Percent;
import dk.raaderum.target.domain.TargetKind;
import dk.raaderum.target.domain.TargetRequirement;
import dk.raaderum.target.repository.AllocationRoundRepository;
import dk.raaderum.target.repository.BaseBudgetRepository;
import dk.raaderum.target.repository.TargetRepository;
import dk.raaderum.target.service.AllocationModels.AllocationRequest;
import dk.raaderum.target.service.AllocationModels.AllocationView;
import dk.raaderum.target.service.AllocationModels.AreaAllocationView;
import dk.raaderum.target.service.AllocationModels.AreaSetting;
import dk.raaderum.target.service.AllocationModels.AreaYearView;
import dk.raaderum.target.service.AllocationModels.DifferentiatedInput;
import dk.raaderum.target.service.AllocationModels.FunctionView;
import dk.raaderum.target.service.AllocationModels.ManualAmount;
import dk.raaderum.target.service.AllocationModels.RoundSummary;
import dk.raaderum.target.service.AllocationModels.TotalView;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Allocation rounds: split a target over the areas of its base budget ({@link AllocationCalculator}), store the round
 * (immutable, numbered per target, who/when/why), publish it when the target is adopted; preview without storing;
 * read rounds.
 */
@ApplicationScoped
public class AllocationService {

    /** 422 rule: an allocation's settings per area (the first error named, all listed). */
    public static final String RULE_AREA_SETTINGS = "area-settings";
    /** 422 rule: potentialAnalysisId goes with source POTENTIAL_ANALYSIS, and only with it. */
    public static final String RULE_INDEX_SOURCE = "index-source";
    /** 422 rule: differentiated is only used with the DIFFERENTIATED key. */
    public static final String RULE_KEY_SETTINGS = "key-settings";

    private final TargetRepository targets;
    private final AllocationRoundRepository rounds;
    private final BaseBudgetRepository budgets;
    private final PotentialService potentials;
    private final TargetPublisher publisher;
    private final TargetAccess access;
    private final TargetConfig.Differentiated defaults;
    private final AreaRegister register;
    private final Clock clock;

    public AllocationService(TargetRepository targets, AllocationRoundRepository rounds, BaseBudgetRepository budgets,
            PotentialService potentials, TargetPublisher publisher, TargetAccess access, TargetConfig config,
            AreaRegister register, Clock clock) {
        this.targets = targets;
        this.rounds = rounds;
        this.budgets = budgets;
        this.potentials = potentials;
        this.publisher = publisher;
        this.access = access;
        this.defaults = config.differentiated();
        this.register = register;
        this.clock = clock;
    }

    /** A new round; published at once ({@code target.allocated}) when the target is adopted. */
    @Transactional
    public AllocationView allocate(Actor actor, String municipality, long targetId, AllocationRequest request,
            Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "allocate targets");
        EfficiencyTarget target = find(municipality, targetId);
        EntityTags.checkUnchanged(ifMatch, request.version(), target.version);
        Computed computed = compute(actor, target, request);
        AllocationRound round = computed.round();
        round.round = target.currentRound + 1;
        rounds.persist(round);
        target.currentRound = round.round;
        target.changed(actor.name(), round.createdAt);
        if (target.isAdopted()) {
            publisher.publish(target, round);
        }
        rounds.flush();
        return view(target, round, false).withWarnings(computed.warnings());
    }

    /** The same calculation, nothing stored or published. */
    public AllocationView preview(Actor actor, String municipality, long targetId, AllocationRequest request) {
        access.requireFinanceOfficer(actor, "try allocations");
        EfficiencyTarget target = find(municipality, targetId);
        Computed computed = compute(actor, target, request);
        return view(target, computed.round(), true).withWarnings(computed.warnings());
    }

    public PageOf<RoundSummary> rounds(String municipality, long targetId, int page, int size) {
        EfficiencyTarget target = find(municipality, targetId);
        List<RoundSummary> items = rounds.page(target.id, page, size).stream().map(AllocationService::summary).toList();
        return new PageOf<>(items, page, size, rounds.countFor(target.id));
    }

    public Optional<AllocationView> round(String municipality, long targetId, int round) {
        EfficiencyTarget target = find(municipality, targetId);
        return rounds.findRound(target.id, round).map(r -> view(target, r, false));
    }

    public Optional<AllocationView> current(String municipality, long targetId) {
        EfficiencyTarget target = find(municipality, targetId);
        return target.currentRound == 0 ? Optional.empty() : round(municipality, targetId, target.currentRound);
    }

    private EfficiencyTarget find(String municipality, long id) {
        return targets.findInMunicipality(municipality, id).orElseThrow(() -> ProblemException.notFound("Target", id));
    }

    /** How a DIFFERENTIATED round weighs the areas; {@link #NONE} for the other keys. */
    private record Differentiation(DifferentiatedFunction function, IndexSource source, Long analysisId,
            Map<String, BigDecimal> indices) {

        static final Differentiation NONE = new Differentiation(null, null, null, Map.of());

        /** Records on the round where the indices came from and the multiplier function. */
        void describe(AllocationRound round) {
            round.indexSource = source;
            round.potentialAnalysisId = analysisId;
            if (function != null) {
                round.sensitivity = function.sensitivity();
                round.multiplierFloor = function.floor();
                round.multiplierCap = function.cap();
            }
        }
    }

    /** A round not yet stored, and what the register of policy areas has to say about its areas. */
    private record Computed(AllocationRound round, List<PolicyAreaModels.Warning> warnings) {
    }

    /** The round the request asks for, not yet stored; only areas of the register when the municipality has one. */
    private Computed compute(Actor actor, EfficiencyTarget target, AllocationRequest request) {
        BaseBudget budget = budgets.findFor(target.municipality, target.budgetYear)
                .orElseThrow(() -> ProblemException.ruleViolation(TargetRequirement.RULE_BASE_BUDGET_REQUIRED,
                        "Import the base budget of "
                        + target.budgetYear + " first: the allocation rests on the areas' budgets"));
        AreaRegister.Lookup names = register.lookup(target.municipality);
        List<PolicyAreaModels.Warning> warnings = requireRegistered(names, target, budget);
        long unit = request.roundingUnit() == null ? 1 : request.roundingUnit();
        List<Integer> years = target.horizon();
        Map<String, AreaSetting> settings = settings(request, budget, years, unit);
        List<TargetRequirement.Year> required = required(target, years, budget);
        long[] totals = totals(target, required, unit);
        Differentiation differentiation = differentiation(target, request, settings);
        List<AllocationCalculator.Area> inputs = inputs(budget.areas, years, settings, differentiation.indices());
        AllocationCalculator.Result result = allocate(new AllocationCalculator.Problem(years, totals, unit,
                request.key(), differentiation.function(), inputs));
        AllocationRound round = newRound(actor, target, request, budget, unit);
        differentiation.describe(round);
        round.createdAt = clock.instant();
        Map<Integer, Long> budgetTotals = budget.totals();
        for (int y = 0; y < years.size(); y++) {
            round.totals.add(new AllocationTotal(years.get(y), required.get(y).requirement(), totals[y],
                    budgetTotals.get(years.get(y))));
        }
        lines(round, budget.areas, years, settings, inputs, result, names);
        return new Computed(round, warnings);
    }

    /**
     * The base budget's areas must be in the municipality's register, not retired (422); without a register, the
     * warning that it is missing.
     */
    private List<PolicyAreaModels.Warning> requireRegistered(AreaRegister.Lookup names, EfficiencyTarget target,
            BaseBudget budget) {
        return register.requireRegistered(names, target.municipality,
                java.util.stream.IntStream.range(0, budget.areas.size()).mapToObj(i -> new AreaRegister.CodeAt(
                        budget.areas.get(i).code, "baseBudget.areas[" + i + "].code",
                        "base budget " + target.budgetYear)).toList());
    }

    /** What the target requires per year of the horizon. */
    private static List<TargetRequirement.Year> required(EfficiencyTarget target, List<Integer> years,
            BaseBudget budget) {
        try {
            return TargetRequirement.withinBound(TargetRequirement.resolve(target.kind, target.mode, years,
                    target.stated(), budget.totals()));
        } catch (AllocationException e) {
            throw TargetProblems.of(e);
        }
    }

    /** The amount to allocate per year: the requirement, rounded to the unit when the target is a percentage. */
    private static long[] totals(EfficiencyTarget target, List<TargetRequirement.Year> required, long unit) {
        long[] totals = new long[required.size()];
        for (int y = 0; y < required.size(); y++) {
            long requirement = required.get(y).requirement();
            totals[y] = target.kind == TargetKind.PERCENT ? Percent.roundToUnit(requirement, unit) : requirement;
        }
        return totals;
    }

    private static AllocationCalculator.Result allocate(AllocationCalculator.Problem problem) {
        try {
            return AllocationCalculator.allocate(problem);
        } catch (AllocationException e) {
            throw TargetProblems.of(e);
        }
    }

    /** A round of the target on the base budget, without totals, lines or creation time. */
    private static AllocationRound newRound(Actor actor, EfficiencyTarget target, AllocationRequest request,
            BaseBudget budget, long unit) {
        AllocationRound round = new AllocationRound();
        round.target = target;
        round.key = request.key();
        round.roundingUnit = unit;
        round.reason = request.reason().strip();
        round.budgetId = budget.id;
        round.budgetVersion = budget.version;
        round.priceLevelYear = budget.priceLevelYear;
        round.createdBy = actor.name();
        round.createdById = actor.id();
        return round;
    }

    /** The multiplier function (request over configuration) and the spending index of each area. */
    private Differentiation differentiation(EfficiencyTarget target, AllocationRequest request,
            Map<String, AreaSetting> settings) {
        DifferentiatedInput input = request.differentiated();
        if (request.key() != AllocationKey.DIFFERENTIATED) {
            if (input != null) {
                throw ProblemException.ruleViolation(RULE_KEY_SETTINGS,
                        "differentiated is only used with the DIFFERENTIATED"
                        + " key", List.of(new FieldError("differentiated", "only with key DIFFERENTIATED")));
            }
            return Differentiation.NONE;
        }
        DifferentiatedFunction function;
        try {
            function = new DifferentiatedFunction(
                    input == null || input.sensitivity() == null ? defaults.sensitivity() : input.sensitivity(),
                    input == null || input.floor() == null ? defaults.floor() : input.floor(),
                    input == null || input.cap() == null ? defaults.cap() : input.cap());
        } catch (AllocationException e) {
            throw TargetProblems.of(e);
        }
        Long analysisId = input == null ? null : input.potentialAnalysisId();
        IndexSource source = input != null && input.source() != null ? input.source()
                : analysisId != null ? IndexSource.POTENTIAL_ANALYSIS : IndexSource.GIVEN;
        Map<String, BigDecimal> indices = new LinkedHashMap<>();
        if (source == IndexSource.POTENTIAL_ANALYSIS) {
            if (analysisId == null) {
                throw ProblemException.ruleViolation(RULE_INDEX_SOURCE, "POTENTIAL_ANALYSIS needs potentialAnalysisId",
                        List.of(new FieldError("differentiated.potentialAnalysisId", "must not be null")));
            }
            indices.putAll(potentials.spendingIndices(target.municipality, analysisId));
        } else if (analysisId != null) {
            throw ProblemException.ruleViolation(RULE_INDEX_SOURCE, "potentialAnalysisId is only used with source"
                    + " POTENTIAL_ANALYSIS", List.of(new FieldError("differentiated.source", "must be POTENTIAL_ANALYSIS")));
        }
        // An index given for an area wins over the analysis.
        settings.values().stream().filter(s -> s.spendingIndex() != null)
                .forEach(s -> indices.put(s.areaCode(), s.spendingIndex()));
        return new Differentiation(function, source, analysisId, indices);
    }

    /** The areas of the base budget, in its order, as the calculator sees them. */
    private static List<AllocationCalculator.Area> inputs(List<BudgetArea> areas, List<Integer> years,
            Map<String, AreaSetting> settings, Map<String, BigDecimal> indices) {
        List<AllocationCalculator.Area> inputs = new ArrayList<>(areas.size());
        for (BudgetArea area : areas) {
            AreaSetting setting = settings.get(area.code);
            long[] budgetRow = years.stream().mapToLong(area::amount).toArray();
            Long[] manual = null;
            if (setting != null && setting.manualAmounts() != null && !setting.manualAmounts().isEmpty()) {
                manual = new Long[years.size()];
                for (ManualAmount amount : setting.manualAmounts()) {
                    manual[years.indexOf(amount.year())] = amount.amount();
                }
            }
            inputs.add(new AllocationCalculator.Area(area.code, budgetRow,
                    setting != null && Boolean.TRUE.equals(setting.exempt()),
                    setting == null ? null : setting.reductionFactor(), manual, indices.get(area.code),
                    setting == null ? null : setting.weight()));
        }
        return inputs;
    }

    /** One line per area and year: the area as it was, its budget, its amount and how the key treated it. */
    private static void lines(AllocationRound round, List<BudgetArea> areas, List<Integer> years,
            Map<String, AreaSetting> settings, List<AllocationCalculator.Area> inputs, AllocationCalculator.Result result,
            AreaRegister.Lookup names) {
        for (int a = 0; a < areas.size(); a++) {
            BudgetArea area = areas.get(a);
            AllocationCalculator.AreaResult allocated = result.areas().get(a);
            AreaSetting setting = settings.get(area.code);
            BigDecimal index = round.key != AllocationKey.DIFFERENTIATED ? null
                    : Optional.ofNullable(inputs.get(a).spendingIndex()).orElse(DifferentiatedFunction.NEUTRAL_INDEX);
            for (int y = 0; y < years.size(); y++) {
                AllocationLine line = new AllocationLine();
                line.areaCode = area.code;
                line.areaName = names.name(area.code, area.name);
                line.mainAccount = area.mainAccount;
                line.committee = area.committee;
                line.position = a;
                line.year = years.get(y);
                line.budget = inputs.get(a).budget()[y];
                line.amount = allocated.amounts()[y];
                line.exempt = allocated.exempt();
                line.manual = allocated.manual()[y];
                line.reductionFactor = setting == null ? null : setting.reductionFactor();
                line.spendingIndex = index;
                line.multiplier = allocated.multiplier();
                line.customWeight = setting == null ? null : setting.weight();
                line.keyShare = allocated.keyShare()[y];
                round.lines.add(line);
            }
        }
    }

    /** Checks the per-area settings against the base budget and the key; by area code. */
    private static Map<String, AreaSetting> settings(AllocationRequest request, BaseBudget budget, List<Integer> years,
            long unit) {
        Map<String, AreaSetting> byCode = new LinkedHashMap<>();
        if (request.areas() == null) {
            return byCode;
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.areas().size(); i++) {
            AreaSetting setting = request.areas().get(i);
            String at = "areas[" + i + "]";
            if (budget.area(setting.areaCode()).isEmpty()) {
                errors.add(new FieldError(at + ".areaCode", setting.areaCode() + " is not an area of the "
                        + budget.budgetYear + " base budget"));
                continue;
            }
            if (byCode.putIfAbsent(setting.areaCode(), setting) != null) {
                errors.add(new FieldError(at + ".areaCode", setting.areaCode() + " is given twice"));
            }
            checkSetting(setting, request.key(), at, errors);
            checkManualAmounts(setting.manualAmounts(), at, years, unit, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_AREA_SETTINGS,
                    errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        return byCode;
    }

    /** An exempt area has neither manual amounts nor a reduction factor; indices and weights only with their key. */
    private static void checkSetting(AreaSetting setting, AllocationKey key, String at, List<FieldError> errors) {
        boolean exempt = Boolean.TRUE.equals(setting.exempt());
        boolean manual = setting.manualAmounts() != null && !setting.manualAmounts().isEmpty();
        if (exempt && manual) {
            errors.add(new FieldError(at + ".manualAmounts", "an exempt area has no manual amounts; choose one"));
        }
        if (exempt && setting.reductionFactor() != null) {
            errors.add(new FieldError(at + ".reductionFactor", "an exempt area carries nothing; no reduction factor"));
        }
        if (setting.spendingIndex() != null && key != AllocationKey.DIFFERENTIATED) {
            errors.add(new FieldError(at + ".spendingIndex", "only the DIFFERENTIATED key uses spending indices"));
        }
        if (setting.weight() != null && key != AllocationKey.CUSTOM) {
            errors.add(new FieldError(at + ".weight", "only the CUSTOM key uses weights"));
        }
    }

    /** Manual amounts: once per year of the horizon, each a multiple of the rounding unit. */
    private static void checkManualAmounts(List<ManualAmount> amounts, String at, List<Integer> years, long unit,
            List<FieldError> errors) {
        if (amounts == null || amounts.isEmpty()) {
            return;
        }
        Set<Integer> seen = new HashSet<>();
        for (int k = 0; k < amounts.size(); k++) {
            ManualAmount amount = amounts.get(k);
            String field = at + ".manualAmounts[" + k + "]";
            if (!years.contains(amount.year())) {
                errors.add(new FieldError(field + ".year", amount.year() + " is not one of the years " + years));
            } else if (!seen.add(amount.year())) {
                errors.add(new FieldError(field + ".year", amount.year() + " is given twice"));
            }
            if (amount.amount() % unit != 0) {
                errors.add(new FieldError(field + ".amount", amount.amount() + " is not a multiple of the rounding"
                        + " unit " + unit));
            }
        }
    }

    static AllocationView view(EfficiencyTarget target, AllocationRound round, boolean preview) {
        List<TotalView> totals = round.totals.stream().sorted(Comparator.comparingInt(t -> t.year))
                .map(t -> new TotalView(t.year, t.requirement, t.allocated, t.budgetTotal, Percent.of(t.allocated,
                        t.budgetTotal)))
                .toList();
        Map<String, List<AllocationLine>> byArea = new LinkedHashMap<>();
        round.lines.stream()
                .sorted(Comparator.<AllocationLine>comparingInt(l -> l.position).thenComparingInt(l -> l.year))
                .forEach(line -> byArea.computeIfAbsent(line.areaCode, code -> new ArrayList<>()).add(line));
        List<AreaAllocationView> areas = byArea.values().stream().map(lines -> {
            AllocationLine first = lines.get(0);
            return new AreaAllocationView(first.areaCode, first.areaName, first.mainAccount, first.committee, first.exempt,
                    first.reductionFactor, first.spendingIndex, first.multiplier, first.customWeight,
                    lines.stream().map(l -> new AreaYearView(l.year, l.budget, l.amount, Percent.of(l.amount, l.budget),
                            l.manual, l.keyShare)).toList(),
                    lines.stream().mapToLong(l -> l.amount).reduce(0, Math::addExact));
        }).toList();
        FunctionView function = round.key != AllocationKey.DIFFERENTIATED ? null
                : new FunctionView(round.indexSource, round.potentialAnalysisId, round.sensitivity, round.multiplierFloor,
                        round.multiplierCap);
        return new AllocationView(target.id, target.name, preview ? null : round.round, preview, target.budgetYear,
                target.horizon(), round.priceLevelYear, round.key, round.roundingUnit, round.reason, function, totals, areas,
                round.budgetVersion, round.createdAt, round.createdBy, round.publishedAt != null, round.publishedAt,
                List.of());
    }

    private static RoundSummary summary(AllocationRound round) {
        return new RoundSummary(round.round, round.key, round.roundingUnit, round.reason, round.createdAt, round.createdBy,
                round.publishedAt, round.totals.stream().sorted(Comparator.comparingInt(t -> t.year))
                        .map(t -> new YearValue(t.year, t.allocated)).toList());
    }
}
