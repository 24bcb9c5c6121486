package dk.raaderum.target.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.target.domain.BaseBudget;
import dk.raaderum.target.domain.BudgetArea;
import dk.raaderum.target.domain.EfficiencyTarget;
import dk.raaderum.target.domain.FivePaths;
import dk.raaderum.target.domain.Horizon;
import dk.raaderum.target.domain.KnownProposal;
import dk.raaderum.target.domain.PathPlan;
import dk.raaderum.target.domain.PotentialAnalysis;
import dk.raaderum.target.domain.TargetKind;
import dk.raaderum.target.domain.TargetRequirement;
import dk.raaderum.target.repository.BaseBudgetRepository;
import dk.raaderum.target.repository.KnownProposalRepository;
import dk.raaderum.target.repository.PathPlanRepository;
import dk.raaderum.target.repository.PotentialAnalysisRepository;
import dk.raaderum.target.repository.TargetRepository;
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
import java.util.Optional;
import java.util.Set;

/**
 * The five paths plan of a budget year: store what the finance department states, compute the room per path live
 * ({@link FivePaths}) from the base budget, adopted proposals and realised potential.
 */
@ApplicationScoped
public class PathPlanService {

    private final PathPlanRepository plans;
    private final BaseBudgetRepository budgets;
    private final TargetRepository targets;
    private final KnownProposalRepository proposals;
    private final PotentialAnalysisRepository analyses;
    private final TargetAccess access;
    private final ObjectMapper json;
    private final Clock clock;

    public PathPlanService(PathPlanRepository plans, BaseBudgetRepository budgets, TargetRepository targets,
            KnownProposalRepository proposals, PotentialAnalysisRepository analyses, TargetAccess access,
            ObjectMapper json, Clock clock) {
        this.plans = plans;
        this.budgets = budgets;
        this.targets = targets;
        this.proposals = proposals;
        this.analyses = analyses;
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

    private void check(String municipality, int budgetYear, PathPlanInput input) {
        List<Integer> years = Horizon.of(budgetYear);
        List<FieldError> errors = new ArrayList<>();
        Optional<BaseBudget> budget = budgets.findFor(municipality, budgetYear);
        if (input.targetId() != null && input.roomNeeded() != null) {
            errors.add(new FieldError("roomNeeded", "state the room needed or take it from targetId, not both"));
        }
        if (input.targetId() != null) {
            Optional<EfficiencyTarget> target = targets.findInMunicipality(municipality, input.targetId());
            if (target.isEmpty() || target.get().budgetYear != budgetYear) {
                errors.add(new FieldError("targetId", "no target " + input.targetId() + " for " + budgetYear));
            }
        }
        if (input.roomNeeded() != null) {
            years(input.roomNeeded().stream().map(YearAmountInput::year).toList(), years, "roomNeeded", errors);
        }
        boolean needsBudget = (input.quiet() != null && !input.quiet().isEmpty()) || input.direct() != null;
        if (needsBudget && budget.isEmpty()) {
            throw ProblemException.ruleViolation("base-budget-required", "The quiet and direct paths are percentages of"
                    + " area budgets: import the base budget of " + budgetYear + " first");
        }
        if (input.quiet() != null) {
            for (int i = 0; i < input.quiet().size(); i++) {
                QuietInput quiet = input.quiet().get(i);
                if (budget.get().area(quiet.areaCode()).isEmpty()) {
                    errors.add(new FieldError("quiet[" + i + "].areaCode", quiet.areaCode() + " is not an area of the "
                            + budgetYear + " base budget"));
                }
                years(quiet.percent().stream().map(YearPercent::year).toList(), years, "quiet[" + i + "].percent", errors);
            }
        }
        if (input.direct() != null) {
            DirectInput direct = input.direct();
            years(direct.percent().stream().map(YearPercent::year).toList(), years, "direct.percent", errors);
            List<String> exempt = direct.exemptAreas() == null ? List.of() : direct.exemptAreas();
            for (int i = 0; i < exempt.size(); i++) {
                if (budget.get().area(exempt.get(i)).isEmpty()) {
                    errors.add(new FieldError("direct.exemptAreas[" + i + "]", exempt.get(i) + " is not an area of the "
                            + budgetYear + " base budget"));
                }
            }
        }
        if (input.narrowAnalysisIds() != null && !input.narrowAnalysisIds().isEmpty()) {
            Set<Long> found = new HashSet<>();
            analyses.byIds(municipality, input.narrowAnalysisIds()).forEach(a -> found.add(a.id));
            for (int i = 0; i < input.narrowAnalysisIds().size(); i++) {
                if (!found.contains(input.narrowAnalysisIds().get(i))) {
                    errors.add(new FieldError("narrowAnalysisIds[" + i + "]", "no potential analysis "
                            + input.narrowAnalysisIds().get(i)));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation("path-plan", errors.get(0).field() + ": " + errors.get(0).message(), errors);
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

    PathPlanView view(PathPlan plan) {
        StoredPlan stored = read(plan.input);
        List<Integer> years = Horizon.of(plan.budgetYear);
        int n = years.size();
        List<String> notes = new ArrayList<>();
        Optional<BaseBudget> budget = budgets.findFor(plan.municipality, plan.budgetYear);
        Map<String, long[]> budgetRows = new LinkedHashMap<>();
        budget.ifPresent(b -> {
            for (BudgetArea area : b.areas) {
                budgetRows.put(area.code, years.stream().mapToLong(area::amount).toArray());
            }
        });

        long[] needed = needed(plan, stored, budget, years, notes);

        List<FivePaths.Withholding> quiet = new ArrayList<>();
        for (QuietInput item : stored.quiet() == null ? List.<QuietInput>of() : stored.quiet()) {
            if (!budgetRows.containsKey(item.areaCode())) {
                notes.add("Quiet path: " + item.areaCode() + " is no longer in the base budget and counts 0");
            }
            quiet.add(new FivePaths.Withholding(item.areaCode(), item.kind(), percents(item.percent(), years)));
        }
        BigDecimal[] direct = null;
        Set<String> exempt = new HashSet<>();
        if (stored.direct() != null) {
            direct = percents(stored.direct().percent(), years);
            if (stored.direct().exemptAreas() != null) {
                exempt.addAll(stored.direct().exemptAreas());
            }
        }

        List<FivePaths.Proposal> adopted = new ArrayList<>();
        for (KnownProposal p : proposals.withFigures(plan.municipality, plan.budgetYear, null)) {
            if (p.counts()) {
                adopted.add(new FivePaths.Proposal(p.id, p.number, p.title, p.type, p.areaCode,
                        years.stream().mapToLong(p::room).toArray()));
            }
        }

        List<FivePaths.Narrow> narrow = new ArrayList<>();
        List<PotentialAnalysis> chosen = stored.narrowAnalysisIds() == null || stored.narrowAnalysisIds().isEmpty()
                ? analyses.all(plan.municipality) : analyses.byIds(plan.municipality, stored.narrowAnalysisIds());
        if (stored.narrowAnalysisIds() != null && chosen.size() < new HashSet<>(stored.narrowAnalysisIds()).size()) {
            notes.add("Narrow path: some of the chosen potential analyses no longer exist");
        }
        for (PotentialAnalysis analysis : chosen) {
            long[] realised = new long[n];
            PotentialService.realised(analysis).values().forEach(byYear -> byYear.forEach((year, amount) -> {
                int y = years.indexOf(year);
                if (y >= 0) {
                    realised[y] += amount;
                }
            }));
            narrow.add(new FivePaths.Narrow(analysis.id, analysis.name, realised));
        }

        FivePaths.Result result = FivePaths.plan(new FivePaths.Input(years, needed, budgetRows, quiet, direct, exempt,
                adopted, narrow));
        List<PathView> paths = result.paths().stream().map(path -> {
            List<PathYear> perYear = new ArrayList<>();
            for (int y = 0; y < n; y++) {
                perYear.add(new PathYear(years.get(y), path.amounts()[y], path.yearShares()[y]));
            }
            return new PathView(path.path(), path.path().danish(), perYear, path.total(), path.sharePercent(),
                    items(path.items(), years));
        }).toList();
        List<PlanYear> summary = new ArrayList<>();
        for (int y = 0; y < n; y++) {
            summary.add(new PlanYear(years.get(y), needed == null ? null : needed[y], result.total()[y],
                    result.gap() == null ? null : result.gap()[y],
                    result.coverage() == null ? null : result.coverage()[y], result.expansions()[y], result.netRoom()[y]));
        }
        PathPlanInput input = new PathPlanInput(plan.title, stored.targetId(), stored.roomNeeded(), stored.quiet(),
                stored.direct(), stored.narrowAnalysisIds(), plan.version);
        return new PathPlanView(plan.municipality, plan.budgetYear, years, plan.title, stored.targetId(), summary, paths,
                items(result.expansionItems(), years), notes, input, plan.updatedAt, plan.updatedBy, plan.version);
    }

    private long[] needed(PathPlan plan, StoredPlan stored, Optional<BaseBudget> budget, List<Integer> years,
            List<String> notes) {
        if (stored.roomNeeded() != null) {
            long[] needed = new long[years.size()];
            stored.roomNeeded().forEach(y -> needed[years.indexOf(y.year())] = y.amount());
            return needed;
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
        return TargetRequirement.resolve(target.get().kind, target.get().mode, years, target.get().stated(),
                budget.map(BaseBudget::totals).orElse(null)).stream().mapToLong(TargetRequirement.Year::requirement)
                .toArray();
    }

    private static BigDecimal[] percents(List<YearPercent> percents, List<Integer> years) {
        BigDecimal[] result = new BigDecimal[years.size()];
        percents.forEach(p -> result[years.indexOf(p.year())] = p.percent());
        return result;
    }

    private static List<PathItem> items(List<FivePaths.Item> items, List<Integer> years) {
        return items.stream().map(item -> {
            List<YearValue> amounts = new ArrayList<>();
            for (int y = 0; y < years.size(); y++) {
                amounts.add(new YearValue(years.get(y), item.amounts()[y]));
            }
            return new PathItem(item.label(), item.detail(), amounts);
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
