package dk.raaderum.proposal.service;

import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.target.TargetAllocatedV1;
import dk.raaderum.platform.events.target.TargetAllocatedV1.AreaAllocation;
import dk.raaderum.platform.messaging.consumer.IncomingEvent;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.TargetAllocation;
import dk.raaderum.proposal.repository.CatalogRepository;
import dk.raaderum.proposal.repository.TargetAllocationRepository;
import dk.raaderum.proposal.repository.TargetAllocationRepository.AllocationRow;
import dk.raaderum.proposal.service.simulation.SimulationModels.SimulationPriceLevel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The efficiency targets target-service allocated to the municipality's areas, kept from its
 * {@code target.allocated} events: a newer round of a target replaces the older one, an older or repeated round is
 * ignored. Read by the simulation (targets, and area budgets for percent measures) and {@code …/catalogs/{id}/targets},
 * both at one price level ({@link #atPriceLevel}).
 */
@ApplicationScoped
public class TargetReadModel {

    /** Rule: a target converted to another price level would be beyond the bound of every amount. */
    public static final String RULE_AMOUNT_BOUND = "amount-bound";

    private static final Logger LOG = Logger.getLogger(TargetReadModel.class);

    private final TargetAllocationRepository allocations;
    private final CatalogRepository catalogs;
    private final PriceIndexReadModel priceIndexes;

    public TargetReadModel(TargetAllocationRepository allocations, CatalogRepository catalogs,
            PriceIndexReadModel priceIndexes) {
        this.allocations = allocations;
        this.catalogs = catalogs;
        this.priceIndexes = priceIndexes;
    }

    /** Applies one event; runs in the idempotent consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent<TargetAllocatedV1> event) {
        TargetAllocatedV1 target = event.payload();
        OptionalInt current = allocations.currentRound(target.targetId());
        if (current.isPresent() && current.getAsInt() >= target.round()) {
            LOG.infof("Ignoring round %d of target %d: round %d is already applied", target.round(), target.targetId(),
                    current.getAsInt());
            return;
        }
        allocations.deleteTarget(target.targetId());
        for (AreaAllocation area : target.areas()) {
            Map<Integer, Long> budgets = new HashMap<>();
            for (YearAmount budget : area.budget() == null ? List.<YearAmount>of() : area.budget()) {
                budgets.put(budget.year(), budget.amount());
            }
            for (YearAmount amount : area.amounts()) {
                TargetAllocation row = new TargetAllocation();
                row.municipality = event.municipality();
                row.budgetYear = target.budgetYear();
                row.priceLevelYear = target.priceLevelYear();
                row.targetId = target.targetId();
                row.round = target.round();
                row.targetName = target.targetName();
                row.areaCode = area.area().code();
                row.areaName = area.area().name();
                row.committee = area.area().committee();
                row.year = amount.year();
                row.amount = amount.amount();
                row.budget = budgets.getOrDefault(amount.year(), 0L);
                row.exempt = area.exempt();
                allocations.persist(row);
            }
        }
    }

    /**
     * One target's allocation to an area and year: {@code amount} and the area {@code budget} it rests on at the
     * price level asked for, converted from {@code allocatedAtPriceLevel} (target-service's base budget's level).
     */
    public record AllocationAt(long targetId, String areaCode, String areaName, String committee, int year, long amount,
            long budget, boolean exempt, int allocatedAtPriceLevel) {
    }

    /**
     * The targets allocated for a budget year at {@code level}'s prices: each amount and budget PL-regulated from its
     * allocation's level with the municipality's price index, exact and half even to whole kroner. 422
     * {@code price-level-missing} naming a year the index lacks; 422 rule {@value #RULE_AMOUNT_BOUND} beyond the bound.
     */
    public List<AllocationAt> atPriceLevel(String municipality, int budgetYear, int level) {
        PriceIndex index = null;
        List<AllocationAt> result = new ArrayList<>();
        for (AllocationRow t : allocations.forBudgetYear(municipality, budgetYear)) {
            long budget = t.budget();
            long amount = t.amount();
            if (t.priceLevelYear() != level) {
                index = index == null ? priceIndexes.effective(municipality) : index;
                budget = convert(index, budget, t.priceLevelYear(), level);
                amount = convert(index, amount, t.priceLevelYear(), level);
            }
            result.add(new AllocationAt(t.targetId(), t.areaCode(), t.areaName(), t.committee(), t.year(), amount,
                    budget, t.exempt(), t.priceLevelYear()));
        }
        return result;
    }

    /**
     * {@code amount} PL-regulated with the index (exact, half even); 422 {@value #RULE_AMOUNT_BOUND} when the result is
     * beyond the bound of every amount, {@code price-level-missing} when the index lacks a year.
     */
    public static long convert(PriceIndex index, long amount, int from, int to) {
        try {
            return index.convert(amount, from, to);
        } catch (ArithmeticException beyond) {
            throw ProblemException.ruleViolation(RULE_AMOUNT_BOUND, beyond.getMessage());
        }
    }

    /** A target of an area and year and the price level target-service allocated it at. */
    public record TargetLevel(long targetId, int allocatedAtPriceLevel) {
    }

    /**
     * Per area and year, the room the area must create (all targets summed) and the budget it rests on, at
     * {@code priceLevel.year}'s prices; {@code allocations} says each target's own level.
     */
    public record AreaTarget(String areaCode, String areaName, String committee, int year, long target, long budget,
            boolean exempt, List<Long> targetIds, SimulationPriceLevel priceLevel, List<TargetLevel> allocations) {
    }

    /** @param priceLevelYear the level to state them at; null = the catalog's (the simulation's) */
    public List<AreaTarget> forCatalog(String municipality, long catalogId, Integer priceLevelYear) {
        Catalog catalog = catalogs.findInMunicipality(municipality, catalogId)
                .orElseThrow(() -> ProblemException.notFound("Catalog", catalogId));
        int level = priceLevelYear == null ? catalog.priceLevelYear : priceLevelYear;
        Map<String, List<AllocationAt>> byAreaAndYear = new LinkedHashMap<>();
        for (AllocationAt allocation : atPriceLevel(municipality, catalog.budgetYear, level)) {
            byAreaAndYear.computeIfAbsent(allocation.areaCode() + "/" + allocation.year(), key -> new ArrayList<>())
                    .add(allocation);
        }
        return byAreaAndYear.values().stream().map(list -> areaTarget(list, level)).toList();
    }

    private static AreaTarget areaTarget(List<AllocationAt> allocations, int level) {
        AllocationAt first = allocations.get(0);
        long target = allocations.stream().mapToLong(AllocationAt::amount).reduce(0, Math::addExact);
        List<Integer> convertedFrom = allocations.stream().map(AllocationAt::allocatedAtPriceLevel)
                .filter(year -> year != level).distinct().sorted().toList();
        return new AreaTarget(first.areaCode(), first.areaName(), first.committee(), first.year(), target,
                first.budget(), allocations.stream().allMatch(AllocationAt::exempt),
                allocations.stream().map(AllocationAt::targetId).toList(), new SimulationPriceLevel(level, convertedFrom),
                allocations.stream().map(a -> new TargetLevel(a.targetId(), a.allocatedAtPriceLevel())).toList());
    }
}
