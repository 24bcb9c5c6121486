package dk.raaderum.target.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.events.PriceLevel;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.target.domain.AdjustmentLine;
import dk.raaderum.target.domain.AdjustmentSet;
import dk.raaderum.target.domain.AdjustmentTotals;
import dk.raaderum.target.domain.BaseBudget;
import dk.raaderum.target.domain.EfficiencyTarget;
import dk.raaderum.target.domain.FivePaths;
import dk.raaderum.target.domain.Horizon;
import dk.raaderum.target.domain.KnownProposal;
import dk.raaderum.target.domain.PathPlan;
import dk.raaderum.target.domain.PotentialAnalysis;
import dk.raaderum.target.domain.TargetKind;
import dk.raaderum.target.domain.TargetRequirement;
import dk.raaderum.target.repository.AdjustmentRepository;
import dk.raaderum.target.repository.AllocationRoundRepository;
import dk.raaderum.target.repository.BaseBudgetRepository;
import dk.raaderum.target.repository.KnownProposalRepository;
import dk.raaderum.target.repository.PathPlanRepository;
import dk.raaderum.target.repository.PotentialAnalysisRepository;
import dk.raaderum.target.repository.TargetRepository;
import dk.raaderum.target.service.CoverageModels.CoverageLevel;
import dk.raaderum.target.service.PathPlanModels.DirectInput;
import dk.raaderum.target.service.PathPlanModels.PathItem;
import dk.raaderum.target.service.PathPlanModels.PathPlanInput;
import dk.raaderum.target.service.PathPlanModels.PathPlanSummary;
import dk.raaderum.target.service.PathPlanModels.PathPlanView;
import dk.raaderum.target.service.PathPlanModels.PathView;
import dk.raaderum.target.service.PathPlanModels.PathYear;
import dk.raaderum.target.service.PathPlanModels.PlanYear;
import dk.raaderum.target.service.PathPlanModels.QuietInput;
import dk.raaderum.target.service.PathPlanModels.Saved;
import dk.raaderum.target.service.PathPlanModels.StoredPlan;
import dk.raaderum.target.service.PathPlanModels.TechnicalAdjustments;
import dk.raaderum.target.service.PathPlanModels.YearAmountInput;
import dk.raaderum.target.service.PathPlanModels.YearPercent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The five paths plan of a budget year: store what the finance department states, compute the room per path live
 * ({@link FivePaths}) from the base budget, adopted proposals and realised potential, all at one price level (the
 * base budget's, as coverage; {@link PriceLevels}).
 */
@ApplicationScoped
public class PathPlanService {

    /** 422 rule: a five-paths plan's figures (the first error named, all listed). */
    public static final String RULE_PATH_PLAN = "path-plan";

    /** The note saying which level realised potential (which states none) is taken at. */
    static final String NARROW_LEVEL_NOTE = "Narrow path: realised potential states no price level and is taken as at"
            + " %d prices";

    private final PathPlanRepository plans;
    private final BaseBudgetRepository budgets;
    private final TargetRepository targets;
    private final AllocationRoundRepository rounds;
    private final KnownProposalRepository proposals;
    private final PotentialAnalysisRepository analyses;
    private final AdjustmentRepository adjustments;
    private final PriceLevels priceLevels;
    private final TargetAccess access;
    private final ObjectMapper json;
    private final Clock clock;

    public PathPlanService(PathPlanRepository plans, BaseBudgetRepository budgets, TargetRepository targets,
            AllocationRoundRepository rounds, KnownProposalRepository proposals, PotentialAnalysisRepository analyses,
            AdjustmentRepository adjustments, PriceLevels priceLevels, TargetAccess access, ObjectMapper json,
            Clock clock) {
        this.plans = plans;
        this.budgets = budgets;
        this.targets = targets;
        this.rounds = rounds;
        this.proposals = proposals;
        this.analyses = analyses;
        this.adjustments = adjustments;
        this.priceLevels = priceLevels;
        this.access = access;
        this.json = json;
        this.clock = clock;
    }

    public PageOf<PathPlanSummary> list(String municipality, int page, int size) {
        List<PathPlanSummary> items = plans.page(municipality, page, size).stream()
                .map(p -> new PathPlanSummary(p.budgetYear, p.title, p.updatedAt, p.updatedBy, p.version)).toList();
        return new PageOf<>(items, page, size, plans.countFor(municipality));
    }

    public Optional<PathPlanView> get(String municipality, int budgetYear) {
        return plans.findFor(municipality, budgetYear).map(this::view);
    }

    @Transactional
    public Saved save(Actor actor, String municipality, int budgetYear, PathPlanInput input, Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "plan the five paths");
        Optional<PathPlan> existing = plans.findFor(municipality, budgetYear);
        existing.ifPresent(plan -> {
            EntityTags.requireUnchanged(ifMatch, input.version(), plan.version);
        });
        check(municipality, budgetYear, input);
        PathPlan plan = existing.orElseGet(PathPlan::new);
        Instant now = clock.instant();
        if (existing.isEmpty()) {
            plan.municipality = municipality;
            plan.budgetYear = budgetYear;
            plan.created(actor.name(), now);
        }
        plan.title = input.title().strip();
        plan.input = write(new StoredPlan(input.targetId(), input.roomNeeded(), input.quiet(), input.direct(),
                input.narrowAnalysisIds()));
        plan.changed(actor.name(), now);
        if (existing.isEmpty()) {
            plans.persist(plan);
        }
        plans.flush();
        return new Saved(view(plan), existing.isEmpty());
    }

    @Transactional
    public void delete(Actor actor, String municipality, int budgetYear, Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "delete five paths plans");
        PathPlan plan = plans.findFor(municipality, budgetYear)
                .orElseThrow(() -> ProblemException.notFound("Path plan", budgetYear));
        EntityTags.checkIfMatch(ifMatch, plan.version);
        plans.delete(plan);
    }

    /** A plan being checked: whose, for which budget year and its horizon, and the problems found so far. */
    private record Checking(String municipality, int budgetYear, List<Integer> years, List<FieldError> errors) {

        void checkYears(List<Integer> given, String field) {
            PathPlanService.years(given, years, field, errors);
        }

        void notAnArea(String field, String code) {
            errors.add(new FieldError(field, code + " is not an area of the " + budgetYear + " base budget"));
        }
    }

    private void check(String municipality, int budgetYear, PathPlanInput input) {
        Checking checking = new Checking(municipality, budgetYear, Horizon.of(budgetYear), new ArrayList<>());
        List<FieldError> errors = checking.errors();
        Optional<BaseBudget> budget = budgets.findFor(municipality, budgetYear);
        checkNeeded(checking, input);
        boolean needsBudget = (input.quiet() != null && !input.quiet().isEmpty()) || input.direct() != null;
        if (needsBudget && budget.isEmpty()) {
            throw ProblemException.ruleViolation(TargetRequirement.RULE_BASE_BUDGET_REQUIRED,
                    "The quiet and direct paths are percentages of"
                    + " area budgets: import the base budget of " + budgetYear + " first");
        }
        if (input.quiet() != null) {
            checkQuiet(checking, input.quiet(), budget);
        }
        if (input.direct() != null) {
            checkDirect(checking, input.direct(), budget);
        }
        if (input.narrowAnalysisIds() != null && !input.narrowAnalysisIds().isEmpty()) {
            checkNarrow(checking, input.narrowAnalysisIds());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_PATH_PLAN, errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
    }

    /** The room needed: stated or taken from a target of the budget year, not both. */
    private void checkNeeded(Checking checking, PathPlanInput input) {
        if (input.targetId() != null && input.roomNeeded() != null) {
            checking.errors().add(new FieldError("roomNeeded",
                    "state the room needed or take it from targetId, not both"));
        }
        if (input.targetId() != null) {
            Optional<EfficiencyTarget> target = targets.findInMunicipality(checking.municipality(), input.targetId());
            if (target.isEmpty() || target.get().budgetYear != checking.budgetYear()) {
                checking.errors().add(new FieldError("targetId", "no target " + input.targetId() + " for "
                        + checking.budgetYear()));
            }
        }
        if (input.roomNeeded() != null) {
            checking.checkYears(input.roomNeeded().stream().map(YearAmountInput::year).toList(), "roomNeeded");
        }
    }

    private static void checkQuiet(Checking checking, List<QuietInput> quiet, Optional<BaseBudget> budget) {
        for (int i = 0; i < quiet.size(); i++) {
            QuietInput area = quiet.get(i);
            if (budget.get().area(area.areaCode()).isEmpty()) {
                checking.notAnArea("quiet[" + i + "].areaCode", area.areaCode());
            }
            checking.checkYears(area.percent().stream().map(YearPercent::year).toList(), "quiet[" + i + "].percent");
        }
    }

    private static void checkDirect(Checking checking, DirectInput direct, Optional<BaseBudget> budget) {
        checking.checkYears(direct.percent().stream().map(YearPercent::year).toList(), "direct.percent");
        List<String> exempt = direct.exemptAreas() == null ? List.of() : direct.exemptAreas();
        for (int i = 0; i < exempt.size(); i++) {
            if (budget.get().area(exempt.get(i)).isEmpty()) {
                checking.notAnArea("direct.exemptAreas[" + i + "]", exempt.get(i));
            }
        }
    }

    /** Every analysis of the narrow path is one of the municipality's. */
    private void checkNarrow(Checking checking, List<Long> ids) {
        Set<Long> found = new HashSet<>();
        analyses.byIds(checking.municipality(), ids).forEach(a -> found.add(a.id));
        for (int i = 0; i < ids.size(); i++) {
            if (!found.contains(ids.get(i))) {
                checking.errors().add(new FieldError("narrowAnalysisIds[" + i + "]", "no potential analysis "
                        + ids.get(i)));
            }
        }
    }

    private static void years(List<Integer> given, List<Integer> years, String field, List<FieldError> errors) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            if (!years.contains(given.get(i))) {
                errors.add(new FieldError(field + "[" + i + "].year", given.get(i) + " is not one of the years " + years));
            } else if (!seen.add(given.get(i))) {
                errors.add(new FieldError(field + "[" + i + "].year", given.get(i) + " is given twice"));
            }
        }
    }

    /** The room needed per year as stated or resolved, and the level it is at (null: the plan's). */
    private record Needed(long[] amounts, Integer priceLevelYear) {
    }

    /**
     * The plan computed now, at the price level of the budget year's base budget (coverage's rule): adopted proposals
     * converted from their catalog's level, a target's requirement from its allocation round's; 422
     * {@code price-level-missing} naming a year the index lacks.
     */
    PathPlanView view(PathPlan plan) {
        StoredPlan stored = read(plan.input);
        List<Integer> years = Horizon.of(plan.budgetYear);
        List<String> notes = new ArrayList<>();
        Optional<BaseBudget> budget = budgets.findFor(plan.municipality, plan.budgetYear);
        int level = PriceLevels.statedLevel(budget.orElse(null), plan.budgetYear);
        Map<String, long[]> budgetRows = new LinkedHashMap<>();
        budget.ifPresent(b -> b.areas.forEach(area -> budgetRows.put(area.code,
                years.stream().mapToLong(area::amount).toArray())));

        Needed needed = needed(plan, stored, budget, years, notes);
        List<KnownProposal> known = proposals.withFigures(plan.municipality, plan.budgetYear, null).stream()
                .filter(KnownProposal::counts).toList();
        Optional<AdjustmentSet> adjustmentSet = adjustments.findSet(plan.municipality, plan.budgetYear);
        List<AdjustmentLine> lines = adjustmentSet.map(adjustments::lines).orElse(List.of());
        List<Integer> sources = new ArrayList<>();
        sources.add(needed == null ? null : needed.priceLevelYear());
        known.forEach(p -> sources.add(p.priceLevelYear));
        sources.add(lines.isEmpty() ? null : adjustmentSet.get().priceLevelYear);
        PriceIndex index = priceLevels.effective(plan.municipality);
        CoverageLevel priceLevel = new CoverageLevel(level, PriceLevels.requireConvertible(index, sources, level));
        long[] neededAmounts = needed == null ? null
                : PriceLevels.convertAll(index, needed.amounts(), needed.priceLevelYear(), level);
        List<FivePaths.Proposal> adopted = known.stream().map(p -> adopted(p, years, index, level)).toList();

        BigDecimal[] direct = null;
        Set<String> exempt = new HashSet<>();
        if (stored.direct() != null) {
            direct = percents(stored.direct().percent(), years);
            if (stored.direct().exemptAreas() != null) {
                exempt.addAll(stored.direct().exemptAreas());
            }
        }
        QuietLines quietLines = quietLines(adjustmentSet, lines, stored, years, index, level, notes);
        FivePaths.Result result = FivePaths.plan(new FivePaths.Input(years, neededAmounts, budgetRows,
                quiet(stored, budgetRows, years, notes), quietLines.absorbed(), direct, exempt, adopted,
                narrow(plan, stored, years, level, notes)));
        PriceLevel neededLevel = needed == null ? null
                : PriceLevel.of(level, needed.priceLevelYear() == null ? level : needed.priceLevelYear());
        return view(plan, stored, result, priceLevel, neededLevel, quietLines.summary(), notes);
    }

    /** The lines not compensated (null without lines: the plan's percentages count) and the lines' sums. */
    private record QuietLines(List<FivePaths.Absorbed> absorbed, TechnicalAdjustments summary) {
    }

    /**
     * The quiet path from the budget year's technical adjustment lines: when it has lines, they win (each line not
     * compensated, converted from the lines' price level to the plan's), and a note says the plan's percentages are
     * not used.
     */
    private static QuietLines quietLines(Optional<AdjustmentSet> set, List<AdjustmentLine> lines, StoredPlan stored,
            List<Integer> years, PriceIndex index, int level, List<String> notes) {
        if (lines.isEmpty()) {
            return new QuietLines(null, new TechnicalAdjustments(set.map(s -> s.revision).orElse(0L), 0,
                    PathPlanModels.QUIET_FROM_PERCENT, new PriceLevel(level, null), AdjustmentService.yearTotals(
                            AdjustmentTotals.of(List.of(), years.size()).all(), years)));
        }
        Integer from = set.get().priceLevelYear == level ? null : set.get().priceLevelYear;
        List<AdjustmentTotals.Line> converted = new ArrayList<>();
        List<FivePaths.Absorbed> absorbed = new ArrayList<>();
        for (AdjustmentLine line : lines) {
            long[] amounts = PriceLevels.convertAll(index, line.amounts(years), from, level);
            converted.add(new AdjustmentTotals.Line(line.kind, line.compensated, amounts));
            if (!line.compensated) {
                absorbed.add(new FivePaths.Absorbed(line.areaCode, line.kind, line.dated + " " + line.description,
                        amounts, from));
            }
        }
        if (stored.quiet() != null && !stored.quiet().isEmpty()) {
            notes.add("Quiet path: taken from the " + absorbed.size() + " technical adjustment line(s) not compensated"
                    + " (revision " + set.get().revision + "); the percentages stated in the plan are not used while"
                    + " the budget year has lines");
        }
        return new QuietLines(absorbed, new TechnicalAdjustments(set.get().revision, lines.size(),
                PathPlanModels.QUIET_FROM_LINES, new PriceLevel(level, from),
                AdjustmentService.yearTotals(AdjustmentTotals.of(converted, years.size()).all(), years)));
    }

    private static List<FivePaths.Withholding> quiet(StoredPlan stored, Map<String, long[]> budgetRows,
            List<Integer> years, List<String> notes) {
        List<FivePaths.Withholding> quiet = new ArrayList<>();
        for (QuietInput item : stored.quiet() == null ? List.<QuietInput>of() : stored.quiet()) {
            if (!budgetRows.containsKey(item.areaCode())) {
                notes.add("Quiet path: " + item.areaCode() + " is no longer in the base budget and counts 0");
            }
            quiet.add(new FivePaths.Withholding(item.areaCode(), item.kind(), percents(item.percent(), years)));
        }
        return quiet;
    }

    /** An adopted proposal's room at the plan's price level, converted from its catalog's (unstated: the plan's). */
    private static FivePaths.Proposal adopted(KnownProposal p, List<Integer> years, PriceIndex index, int level) {
        Integer from = p.priceLevelYear == null || p.priceLevelYear == level ? null : p.priceLevelYear;
        long[] room = PriceLevels.convertAll(index, years.stream().mapToLong(p::room).toArray(), from, level);
        return new FivePaths.Proposal(p.id, p.number, p.title, p.type, p.areaCode, room, from);
    }

    /** Realised potential states no price level: it is taken as at the plan's (said in a note). */
    private List<FivePaths.Narrow> narrow(PathPlan plan, StoredPlan stored, List<Integer> years, int level,
            List<String> notes) {
        List<FivePaths.Narrow> narrow = new ArrayList<>();
        List<PotentialAnalysis> chosen = stored.narrowAnalysisIds() == null || stored.narrowAnalysisIds().isEmpty()
                ? analyses.all(plan.municipality) : analyses.byIds(plan.municipality, stored.narrowAnalysisIds());
        if (stored.narrowAnalysisIds() != null && chosen.size() < new HashSet<>(stored.narrowAnalysisIds()).size()) {
            notes.add("Narrow path: some of the chosen potential analyses no longer exist");
        }
        for (PotentialAnalysis analysis : chosen) {
            long[] realised = new long[years.size()];
            PotentialService.realised(analysis).values().forEach(byYear -> byYear.forEach((year, amount) -> {
                int y = years.indexOf(year);
                if (y >= 0) {
                    realised[y] += amount;
                }
            }));
            narrow.add(new FivePaths.Narrow(analysis.id, analysis.name, realised));
        }
        if (!narrow.isEmpty()) {
            notes.add(NARROW_LEVEL_NOTE.formatted(level));
        }
        return narrow;
    }

    private static PathPlanView view(PathPlan plan, StoredPlan stored, FivePaths.Result result, CoverageLevel level,
            PriceLevel neededLevel, TechnicalAdjustments adjustments, List<String> notes) {
        List<Integer> years = result.years();
        List<PathView> paths = result.paths().stream().map(path -> {
            List<PathYear> perYear = new ArrayList<>();
            for (int y = 0; y < years.size(); y++) {
                perYear.add(new PathYear(years.get(y), path.amounts()[y], path.yearShares()[y]));
            }
            List<Integer> from = path.items().stream().map(FivePaths.Item::convertedFrom).filter(Objects::nonNull)
                    .distinct().sorted().toList();
            return new PathView(path.path(), path.path().danish(), perYear, path.total(), path.sharePercent(),
                    items(path.items(), years, level.year()), new CoverageLevel(level.year(), from));
        }).toList();
        List<PlanYear> summary = new ArrayList<>();
        for (int y = 0; y < years.size(); y++) {
            summary.add(new PlanYear(years.get(y), result.needed() == null ? null : result.needed()[y],
                    result.total()[y], result.gap() == null ? null : result.gap()[y],
                    result.coverage() == null ? null : result.coverage()[y], result.expansions()[y], result.netRoom()[y]));
        }
        PathPlanInput input = new PathPlanInput(plan.title, stored.targetId(), stored.roomNeeded(), stored.quiet(),
                stored.direct(), stored.narrowAnalysisIds(), plan.version);
        return new PathPlanView(plan.municipality, plan.budgetYear, years, level, plan.title, stored.targetId(), summary,
                neededLevel, paths, items(result.expansionItems(), years, level.year()), adjustments, notes, input,
                plan.updatedAt,
                plan.updatedBy, plan.version);
    }

    /**
     * The room needed: as stated in the plan (at the plan's level), or the target's requirement, at the level of its
     * published round (else its newest; unallocated: the plan's). A PERCENT target's requirement is a percent of the
     * base budget as it is now, so it is at the plan's level.
     */
    private Needed needed(PathPlan plan, StoredPlan stored, Optional<BaseBudget> budget, List<Integer> years,
            List<String> notes) {
        if (stored.roomNeeded() != null) {
            long[] needed = new long[years.size()];
            stored.roomNeeded().forEach(y -> needed[years.indexOf(y.year())] = y.amount());
            return new Needed(needed, null);
        }
        if (stored.targetId() == null) {
            return null;
        }
        Optional<EfficiencyTarget> target = targets.findInMunicipality(plan.municipality, stored.targetId());
        if (target.isEmpty()) {
            notes.add("Target " + stored.targetId() + " no longer exists; no room needed is shown");
            return null;
        }
        if (target.get().kind == TargetKind.PERCENT && budget.isEmpty()) {
            notes.add("Target " + stored.targetId() + " is a percent of the base budget, which is not imported");
            return null;
        }
        long[] requirement = TargetRequirement.resolve(target.get().kind, target.get().mode, years,
                target.get().stated(), budget.map(BaseBudget::totals).orElse(null)).stream()
                .mapToLong(TargetRequirement.Year::requirement).toArray();
        return new Needed(requirement, target.get().kind == TargetKind.PERCENT ? null : roundLevel(target.get()));
    }

    /** The price level of the target's published round, else of its newest; null when it has none. */
    private Integer roundLevel(EfficiencyTarget target) {
        int round = target.publishedRound != null ? target.publishedRound : target.currentRound;
        return round == 0 ? null : rounds.findRound(target.id, round).map(r -> r.priceLevelYear).orElse(null);
    }

    private static BigDecimal[] percents(List<YearPercent> percents, List<Integer> years) {
        BigDecimal[] result = new BigDecimal[years.size()];
        percents.forEach(p -> result[years.indexOf(p.year())] = p.percent());
        return result;
    }

    private static List<PathItem> items(List<FivePaths.Item> items, List<Integer> years, int level) {
        return items.stream().map(item -> {
            List<YearValue> amounts = new ArrayList<>();
            for (int y = 0; y < years.size(); y++) {
                amounts.add(new YearValue(years.get(y), item.amounts()[y]));
            }
            return new PathItem(item.label(), item.detail(), amounts,
                    new PriceLevel(level, item.convertedFrom()));
        }).toList();
    }

    private String write(StoredPlan plan) {
        try {
            return json.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A path plan could not be written as JSON", e);
        }
    }

    private StoredPlan read(String text) {
        try {
            return json.readValue(text, StoredPlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored path plan could not be read", e);
        }
    }
}
