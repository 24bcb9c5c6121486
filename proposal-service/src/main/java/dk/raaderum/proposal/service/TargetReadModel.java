package dk.raaderum.proposal.service;

import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.target.TargetAllocatedV1;
import dk.raaderum.platform.events.target.TargetAllocatedV1.AreaAllocation;
import dk.raaderum.platform.messaging.consumer.IncomingEvent;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.proposal.domain.TargetAllocation;
import dk.raaderum.proposal.repository.CatalogRepository;
import dk.raaderum.proposal.repository.TargetAllocationRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The efficiency targets target-service allocated to the municipality's areas, kept from its
 * {@code target.allocated} events: a newer round of a target replaces the older one, an older or repeated round is
 * ignored. Read by the simulation (targets, and area budgets for percent measures).
 */
@ApplicationScoped
public class TargetReadModel {

    private static final Logger LOG = Logger.getLogger(TargetReadModel.class);

    private final TargetAllocationRepository allocations;
    private final CatalogRepository catalogs;

    public TargetReadModel(TargetAllocationRepository allocations, CatalogRepository catalogs) {
        this.allocations = allocations;
        this.catalogs = catalogs;
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

    /** Per area and year, the room the area must create (all targets summed) and the budget it rests on. */
    public record AreaTarget(String areaCode, String areaName, String committee, int year, long target, long budget,
            boolean exempt, List<Long> targetIds) {
    }

    public List<AreaTarget> forCatalog(String municipality, long catalogId) {
        var catalog = catalogs.findInMunicipality(municipality, catalogId)
                .orElseThrow(() -> ProblemException.notFound("Catalog", catalogId));
        Map<String, AreaTarget> merged = new java.util.LinkedHashMap<>();
        for (TargetAllocation row : allocations.forBudgetYear(municipality, catalog.budgetYear)) {
            String key = row.areaCode + "/" + row.year;
            AreaTarget before = merged.get(key);
            if (before == null) {
                merged.put(key, new AreaTarget(row.areaCode, row.areaName, row.committee, row.year, row.amount, row.budget,
                        row.exempt, List.of(row.targetId)));
            } else {
                List<Long> ids = new java.util.ArrayList<>(before.targetIds());
                ids.add(row.targetId);
                merged.put(key, new AreaTarget(row.areaCode, row.areaName, row.committee, row.year,
                        before.target() + row.amount, before.budget(), before.exempt() && row.exempt, ids));
            }
        }
        return List.copyOf(merged.values());
    }
}
