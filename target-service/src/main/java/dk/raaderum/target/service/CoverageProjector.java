package dk.raaderum.target.service;

import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.target.domain.AreaCoverage;
import dk.raaderum.target.domain.BaseBudget;
import dk.raaderum.target.domain.BudgetArea;
import dk.raaderum.target.domain.Horizon;
import dk.raaderum.target.domain.KnownProposal;
import dk.raaderum.target.messaging.TargetEvents;
import dk.raaderum.target.repository.AllocationRoundRepository;
import dk.raaderum.target.repository.AreaCoverageRepository;
import dk.raaderum.target.repository.BaseBudgetRepository;
import dk.raaderum.target.repository.KnownProposalRepository;
import dk.raaderum.target.repository.PublishedLine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the coverage read model ({@link AreaCoverage}) up to date, in the transaction of every change that moves it:
 * a proposal adopted or withdrawn, an adopted target's round published, a base budget imported. Per area and year:
 * <pre>
 * target   = Σ published allocation of the budget year's adopted targets
 * covered  = Σ room (−net change) of adopted SAVING, EFFICIENCY and INVESTMENT proposals
 * reached  = target &gt; 0 and covered ≥ target
 * </pre>
 * All amounts are PL-regulated to the price level of the budget year's base budget (the budget year without one) with
 * the municipality's effective price index ({@link PriceLevels}): each proposal from its catalog's level, each target
 * line from its round's level, year by year, half even to whole kroner.
 * Adopted EXPANSION proposals are summed separately (room spent) and never lower coverage. A proposal whose area is
 * neither in the base budget nor in an allocation is kept and shown as unmatched. When {@code reached} flips, a
 * {@code target.coverage-changed} event (REACHED / FELL_BELOW) is published for that area and year. Updates of one
 * municipality's budget year are serialised by an advisory lock, so concurrent events cannot both miss a crossing.
 */
@ApplicationScoped
public class CoverageProjector {

    private final AreaCoverageRepository coverage;
    private final AllocationRoundRepository rounds;
    private final BaseBudgetRepository budgets;
    private final KnownProposalRepository proposals;
    private final TargetEvents events;
    private final PriceLevels priceLevels;
    private final Clock clock;

    public CoverageProjector(AreaCoverageRepository coverage, AllocationRoundRepository rounds, BaseBudgetRepository budgets,
            KnownProposalRepository proposals, TargetEvents events, PriceLevels priceLevels, Clock clock) {
        this.coverage = coverage;
        this.rounds = rounds;
        this.budgets = budgets;
        this.proposals = proposals;
        this.events = events;
        this.priceLevels = priceLevels;
        this.clock = clock;
    }

    private record Area(String name, Integer mainAccount, String committee, boolean matched) {
    }

    /**
     * Recomputes the coverage of a municipality's budget year.
     *
     * @param areaCodes only these areas; null = every area of the budget year
     */
    @Transactional
    public void refresh(String municipality, int budgetYear, Collection<String> areaCodes) {
        coverage.lockBudgetYear(municipality, budgetYear);
        Set<String> only = areaCodes == null ? null : new LinkedHashSet<>(areaCodes);
        List<Integer> years = Horizon.of(budgetYear);
        int n = years.size();
        Map<String, Area> areas = new LinkedHashMap<>();
        Map<String, long[]> targets = new HashMap<>();
        Map<String, long[]> covered = new HashMap<>();
        Map<String, long[]> expansions = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();

        BaseBudget budget = budgets.findFor(municipality, budgetYear).orElse(null);
        int level = PriceLevels.statedLevel(budget, budgetYear);
        PriceIndex index = priceLevels.effective(municipality);
        if (budget != null) {
            for (BudgetArea area : budget.areas) {
                if (only == null || only.contains(area.code)) {
                    areas.put(area.code, new Area(area.name, area.mainAccount, area.committee, true));
                }
            }
        }
        for (PublishedLine line : rounds.publishedLines(municipality, budgetYear, only)) {
            areas.putIfAbsent(line.areaCode(), new Area(line.areaName(), line.mainAccount(), line.committee(), true));
            int y = years.indexOf(line.year());
            if (y >= 0) {
                targets.computeIfAbsent(line.areaCode(), code -> new long[n])[y] += PriceLevels.convertOrKeep(index,
                        line.amount(), line.priceLevelYear(), level);
            }
        }
        for (KnownProposal proposal : proposals.withFigures(municipality, budgetYear, only)) {
            if (!proposal.counts()) {
                continue;
            }
            areas.putIfAbsent(proposal.areaCode, new Area(proposal.areaName, proposal.mainAccount, proposal.committee,
                    false));
            counts.merge(proposal.areaCode, 1, Integer::sum);
            boolean expansion = proposal.type == ProposalType.EXPANSION;
            long[] row = (expansion ? expansions : covered).computeIfAbsent(proposal.areaCode, code -> new long[n]);
            for (int y = 0; y < n; y++) {
                long room = PriceLevels.convertOrKeep(index, proposal.room(years.get(y)), proposal.priceLevelYear, level);
                row[y] += expansion ? -room : room;
            }
        }

        Map<String, AreaCoverage> existing = new HashMap<>();
        for (AreaCoverage row : coverage.forBudgetYear(municipality, budgetYear, only)) {
            existing.put(row.areaCode + ":" + row.year, row);
        }
        Set<String> codes = new LinkedHashSet<>(areas.keySet());
        existing.values().forEach(row -> codes.add(row.areaCode));
        Instant now = clock.instant();
        for (String code : codes) {
            Area area = areas.getOrDefault(code, new Area(null, null, null, false));
            long[] target = targets.getOrDefault(code, new long[n]);
            long[] room = covered.getOrDefault(code, new long[n]);
            long[] spent = expansions.getOrDefault(code, new long[n]);
            for (int y = 0; y < n; y++) {
                int year = years.get(y);
                AreaCoverage row = existing.get(code + ":" + year);
                boolean reached = target[y] > 0 && room[y] >= target[y];
                boolean wasReached = row != null && row.reached;
                int count = counts.getOrDefault(code, 0);
                if (row != null && row.matched == area.matched() && row.target == target[y] && row.covered == room[y]
                        && row.expansions == spent[y] && row.proposalCount == count && row.reached == reached
                        && (area.name() == null || area.name().equals(row.areaName))) {
                    continue;
                }
                boolean fresh = row == null;
                if (fresh) {
                    row = new AreaCoverage();
                    row.municipality = municipality;
                    row.budgetYear = budgetYear;
                    row.areaCode = code;
                    row.year = year;
                }
                if (area.name() != null) {
                    row.areaName = area.name();
                    row.mainAccount = area.mainAccount();
                    row.committee = area.committee();
                }
                row.matched = area.matched();
                row.target = target[y];
                row.covered = room[y];
                row.expansions = spent[y];
                row.proposalCount = count;
                row.reached = reached;
                row.updatedAt = now;
                if (fresh) {
                    coverage.persist(row);
                }
                if (reached != wasReached) {
                    events.coverageChanged(municipality, budgetYear, code, year, target[y], room[y], reached);
                }
            }
        }
    }
}
