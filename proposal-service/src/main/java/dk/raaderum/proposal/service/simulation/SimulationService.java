package dk.raaderum.proposal.service.simulation;

import static dk.raaderum.platform.web.security.Roles.FINANCE_OFFICER;
import static dk.raaderum.platform.web.security.Roles.POLITICIAN;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.proposal.config.ProposalConfig;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.ProposalStatus;
import dk.raaderum.proposal.repository.Visibility;
import dk.raaderum.proposal.service.AreaRegisterCopy;
import dk.raaderum.proposal.service.CatalogSnapshot.Entry;
import dk.raaderum.proposal.service.CatalogSnapshot;
import dk.raaderum.proposal.service.CatalogSnapshots;
import dk.raaderum.proposal.service.ProposalAccess;
import dk.raaderum.proposal.service.TargetReadModel.AllocationAt;
import dk.raaderum.proposal.service.simulation.BudgetSimulator.Area;
import dk.raaderum.proposal.service.simulation.BudgetSimulator.Item;
import dk.raaderum.proposal.service.simulation.SimulationModels.AreaBudget;
import dk.raaderum.proposal.service.simulation.SimulationModels.Assumption;
import dk.raaderum.proposal.service.simulation.SimulationModels.SimulationPriceLevel;
import dk.raaderum.proposal.service.simulation.SimulationModels.SimulationRequest;
import dk.raaderum.proposal.service.simulation.SimulationModels.SimulationResult;
import dk.raaderum.proposal.service.simulation.SimulationModels.Warning;
import dk.raaderum.proposal.service.simulation.SimulationModels.YearPercent;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs budget simulations over the catalog's current {@link CatalogSnapshot} (its proposals with their years, read
 * once per change of the catalog) and its {@link SimulationInputs} (the catalog's heading and areas, and the targets,
 * register, policy and agreement received from target-service or recorded here, read once per change of them),
 * computed in memory
 * ({@link BudgetSimulator}). Reads only; nothing is stored.
 * <p>
 * PL-regulering: the simulation is stated at the catalog's price level (its proposals' prices). Targets and the area
 * budgets they rest on are at their allocation's level; they are converted to the catalog's with the municipality's
 * price index ({@link dk.raaderum.proposal.service.TargetReadModel#atPriceLevel}), exact and half even to whole
 * kroner. A year the index lacks is 422 {@code price-level-missing} naming it.
 */
@ApplicationScoped
public class SimulationService {

    /** 422 rule: a percent (frame reduction, compensation) applies only to areas whose budget is given. */
    public static final String RULE_AREA_BUDGETS_KNOWN = "area-budgets-known";
    /** 422 rule: a simulation selects proposals of the catalog that are not withdrawn or rejected. */
    public static final String RULE_SELECTABLE_PROPOSALS = "selectable-proposals";

    private static final Set<ProposalStatus> NOT_SELECTABLE = EnumSet.of(ProposalStatus.WITHDRAWN, ProposalStatus.REJECTED);
    /** Warning: areas of the catalog or of selected proposals that the municipality's register lacks or has retired. */
    public static final String AREA_NOT_IN_REGISTER = "AREA_NOT_IN_REGISTER";
    /** Warning: target-service allocated targets to areas the catalog does not have (left out, named here). */
    public static final String TARGET_AREA_NOT_IN_CATALOG = "TARGET_AREA_NOT_IN_CATALOG";
    /** Warning: a kept scenario's proposal that was withdrawn or rejected since (left out of its simulation). */
    public static final String NO_LONGER_SELECTABLE = "NO_LONGER_SELECTABLE";

    private final CatalogSnapshots snapshots;
    private final SimulationInputs inputs;
    private final ProposalAccess access;
    private final ProposalConfig.Simulation config;

    public SimulationService(CatalogSnapshots snapshots, SimulationInputs inputs, ProposalAccess access,
            ProposalConfig config) {
        this.snapshots = snapshots;
        this.inputs = inputs;
        this.access = access;
        this.config = config.simulation();
    }

    public SimulationResult simulate(Actor actor, String municipality, long catalogId, SimulationRequest request) {
        return simulate(actor, municipality, catalogId, request, false);
    }

    /**
     * @param lenient for saved scenarios: proposals that are no longer selectable (withdrawn, rejected, gone) are left
     *        out with a warning instead of failing the request
     */
    public SimulationResult simulate(Actor actor, String municipality, long catalogId, SimulationRequest request,
            boolean lenient) {
        requireSimulationRole(actor);
        SimulationInputs.CatalogAt catalog = inputs.catalog(municipality, catalogId);
        CatalogSnapshot snapshot = snapshots.current(catalogId);
        Visibility visibility = access.visibility(actor);
        Set<Long> ids = new LinkedHashSet<>(request.proposalIds());
        List<FieldError> unknown = ids.stream()
                .filter(id -> !selectable(visibility, snapshot.byId().get(id)))
                .map(id -> new FieldError("proposalIds", id + " is not a selectable proposal of this catalog"))
                .toList();
        List<Warning> dropped = new ArrayList<>();
        if (!unknown.isEmpty()) {
            if (!lenient) {
                throw ProblemException.ruleViolation(RULE_SELECTABLE_PROPOSALS,
                        "Select proposals of this catalog that are"
                        + " not withdrawn or rejected", unknown);
            }
            for (long id : List.copyOf(ids)) {
                Entry entry = snapshot.byId().get(id);
                if (!selectable(visibility, entry)) {
                    ids.remove(id);
                    boolean visible = entry != null && entry.visibleTo(visibility);
                    dropped.add(new Warning(NO_LONGER_SELECTABLE, (visible ? entry.number() + " (" + entry.status()
                            + ")" : "Proposal " + id) + " was left out of the scenario"));
                }
            }
        }
        return compute(catalog.catalog(), inputs.of(catalog), ids.stream().map(snapshot.byId()::get).toList(), request,
                dropped);
    }

    /**
     * The check of a budget agreement: the simulation of the agreed selection with the stated assumptions (the
     * policy and committee sections are what matter), for any caller who may see the catalog. The ids are proposals of
     * the catalog (adopted, or presented and about to be).
     */
    public SimulationResult agreedSelection(Catalog catalog, List<Long> adoptedIds, List<Assumption> assumptions) {
        CatalogSnapshot snapshot = snapshots.current(catalog.id);
        List<Entry> selected = adoptedIds.stream().map(snapshot.byId()::get).filter(java.util.Objects::nonNull).toList();
        SimulatedCatalog simulated = SimulatedCatalog.of(catalog);
        return compute(simulated, inputs.of(simulated), selected,
                new SimulationRequest(adoptedIds, null, null, null, assumptions), List.of());
    }

    private SimulationResult compute(SimulatedCatalog catalog, SimulationInputs.Inputs read, List<Entry> selected,
            SimulationRequest request, List<Warning> dropped) {
        Set<Integer> convertedFrom = new java.util.TreeSet<>();
        BudgetSimulator.Input input = input(catalog, read.targets(), read.checks().agreement(), selected, request,
                convertedFrom);
        try {
            BudgetSimulator.Output output = BudgetSimulator.simulate(input);
            List<Warning> warnings = new ArrayList<>(dropped);
            warnings.addAll(output.warnings());
            warnings.addAll(areaWarnings(catalog, read.register(), input));
            BudgetChecks.Checked<SimulationModels.PolicySection> policy = BudgetChecks.policy(catalog,
                    read.checks().policy(), output.years(), request.assumptions());
            warnings.addAll(policy.warnings());
            BudgetChecks.Checked<SimulationModels.AgreementSection> committees = BudgetChecks.committees(catalog,
                    read.checks().agreement(), input);
            warnings.addAll(committees.warnings());
            return new SimulationResult(catalog.id(), catalog.priceLevelYear(), output.selection(), output.years(),
                    output.netRoomTotal(), output.areas(), warnings,
                    new SimulationPriceLevel(catalog.priceLevelYear(), List.copyOf(convertedFrom)),
                    policy.section(), committees.section());
        } catch (BudgetSimulator.MissingBudgetException e) {
            throw ProblemException.ruleViolation(RULE_AREA_BUDGETS_KNOWN, "The budget of area " + e.area() + " for "
                    + e.year() + " is not known (target-service has not allocated a target for " + catalog.budgetYear()
                    + "); send areaBudgets or leave the percent measures out",
                    List.of(new FieldError("areaBudgets", e.area() + " " + e.year())));
        }
    }

    static void requireSimulationRole(Actor actor) {
        if (!actor.hasAnyRole(FINANCE_OFFICER, POLITICIAN)) {
            throw ProblemException.forbidden("Simulations are for finance officers and politicians");
        }
    }

    private static boolean selectable(Visibility visibility, Entry entry) {
        return entry != null && entry.visibleTo(visibility) && !NOT_SELECTABLE.contains(entry.status());
    }

    private BudgetSimulator.Input input(SimulatedCatalog catalog, List<AllocationAt> targets,
            Optional<BudgetChecks.CoveringAgreement> agreement, List<Entry> selected, SimulationRequest request,
            Set<Integer> convertedFrom) {
        List<Integer> years = catalog.years();
        Map<String, Map<Integer, Long>> budgets = new HashMap<>();
        Map<String, Map<Integer, Long>> areaTargets = new HashMap<>();
        addTargets(catalog.priceLevelYear(), targets, budgets, areaTargets, convertedFrom);
        addAreaBudgets(catalog, agreement, request.areaBudgets(), budgets);
        Map<Integer, BigDecimal> framePercent = new HashMap<>();
        Set<String> frameExempt = Set.of();
        if (request.frameReduction() != null) {
            for (YearPercent percent : request.frameReduction().percentPerYear()) {
                if (!years.contains(percent.year())) {
                    throw ProblemException.ruleViolation(Catalog.RULE_CATALOG_YEARS, "frameReduction gives "
                            + percent.year() + ", which is not one of the catalog's years " + years);
                }
                framePercent.put(percent.year(), percent.percent());
            }
            frameExempt = request.frameReduction().exemptAreas() == null ? Set.of()
                    : Set.copyOf(request.frameReduction().exemptAreas());
        }
        BigDecimal compensationPercent = request.withheldCompensation() == null ? null
                : request.withheldCompensation().percent();
        Set<String> compensationAreas = request.withheldCompensation() == null ? Set.of()
                : Set.copyOf(request.withheldCompensation().areas());
        List<Area> areas = catalog.areas();
        Set<String> codes = new java.util.HashSet<>();
        areas.forEach(a -> codes.add(a.code()));
        for (String code : concat(frameExempt, compensationAreas)) {
            if (!codes.contains(code)) {
                throw ProblemException.ruleViolation(Catalog.RULE_UNKNOWN_AREA, "Catalog " + catalog.budgetYear()
                        + " has no area " + code);
            }
        }
        List<Item> items = selected.stream().map(p -> item(p, years)).toList();
        return new BudgetSimulator.Input(years, areas, items, budgets, areaTargets, framePercent, frameExempt,
                compensationPercent, compensationAreas, config.highUncertaintyWarningPercent());
    }

    /**
     * The request's area budgets, in place of those received: each for a year of the catalog and an area of the catalog
     * or of a committee of the agreement covering it (whose frame check needs every one of its areas' budgets), once
     * (422 naming the entry otherwise; a budget for anything else would be left out of the simulation unseen).
     */
    private static void addAreaBudgets(SimulatedCatalog catalog, Optional<BudgetChecks.CoveringAgreement> agreement,
            List<AreaBudget> given, Map<String, Map<Integer, Long>> budgets) {
        if (given == null) {
            return;
        }
        Set<String> codes = new java.util.HashSet<>();
        catalog.areas().forEach(a -> codes.add(a.code()));
        agreement.ifPresent(a -> a.committees().forEach(committee -> codes.addAll(committee.areaCodes())));
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            AreaBudget budget = given.get(i);
            String field = "areaBudgets[" + i + "]";
            if (!codes.contains(budget.areaCode())) {
                throw ProblemException.ruleViolation(Catalog.RULE_UNKNOWN_AREA, "Catalog " + catalog.budgetYear()
                        + " has no area " + budget.areaCode(), List.of(new FieldError(field + ".areaCode",
                                "not an area of the catalog or its agreement: " + codes.stream().sorted().toList())));
            }
            if (!catalog.years().contains(budget.year()) || !seen.add(budget.areaCode() + " " + budget.year())) {
                throw ProblemException.ruleViolation(Catalog.RULE_CATALOG_YEARS, "areaBudgets gives "
                        + budget.areaCode() + " " + budget.year() + ": once for each of the catalog's years "
                        + catalog.years(),
                        List.of(new FieldError(field + ".year", "not one of " + catalog.years() + ", or given twice")));
            }
            budgets.computeIfAbsent(budget.areaCode(), code -> new TreeMap<>()).put(budget.year(), budget.amount());
        }
    }

    /**
     * The targets target-service allocated for the catalog's budget year and the budgets they rest on, converted from
     * their allocation's price level to the catalog's; {@code convertedFrom} collects the levels converted.
     */
    private static void addTargets(int level, List<AllocationAt> targets, Map<String, Map<Integer, Long>> budgets,
            Map<String, Map<Integer, Long>> areaTargets, Set<Integer> convertedFrom) {
        for (AllocationAt t : targets) {
            if (t.allocatedAtPriceLevel() != level) {
                convertedFrom.add(t.allocatedAtPriceLevel());
            }
            budgets.computeIfAbsent(t.areaCode(), code -> new TreeMap<>()).put(t.year(), t.budget());
            areaTargets.computeIfAbsent(t.areaCode(), code -> new TreeMap<>()).merge(t.year(), t.amount(), Math::addExact);
        }
    }

    /**
     * Says which codes do not meet: targets of areas the catalog lacks, and areas (of the catalog or of the selected
     * proposals) that the municipality's register of policy areas lacks or has retired.
     */
    private static List<Warning> areaWarnings(SimulatedCatalog catalog, AreaRegisterCopy.Lookup lookup,
            BudgetSimulator.Input input) {
        Set<String> catalogCodes = new java.util.TreeSet<>();
        catalog.areas().forEach(a -> catalogCodes.add(a.code()));
        List<Warning> warnings = new ArrayList<>();
        List<String> targetOnly = input.targets().keySet().stream().filter(code -> !catalogCodes.contains(code)).sorted()
                .toList();
        if (!targetOnly.isEmpty()) {
            warnings.add(new Warning(TARGET_AREA_NOT_IN_CATALOG, "target-service allocated targets to areas catalog "
                    + catalog.budgetYear() + " does not have, so they are not in this simulation and no proposal of it can"
                    + " cover them: " + targetOnly.stream().map(code -> code + (lookup.known() && !lookup.usable(code)
                            ? " (not in the register)" : "")).collect(java.util.stream.Collectors.joining(", "))));
        }
        Set<String> used = new java.util.TreeSet<>(catalogCodes);
        input.items().forEach(item -> used.add(item.areaCode()));
        List<String> outside = lookup.outside(used);
        if (!outside.isEmpty()) {
            warnings.add(new Warning(AREA_NOT_IN_REGISTER, "Not in the municipality's register of policy areas (or"
                    + " retired), so target-service cannot match their proposals to a target: " + String.join(", ", outside)));
        }
        return warnings;
    }

    private static Item item(Entry entry, List<Integer> years) {
        long[] net = new long[years.size()];
        for (CatalogSnapshot.YearFigures year : entry.years()) {
            net[year.year() - years.get(0)] = year.netChange();
        }
        boolean lateInvestment = entry.type() == ProposalType.INVESTMENT && !entry.paysBackWithinHorizon();
        return new Item(entry.id(), entry.number(), entry.type(), entry.areaCode(), entry.uncertainty(), net,
                lateInvestment);
    }

    private static Set<String> concat(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
