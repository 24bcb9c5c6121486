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

    /** Which municipality, budget year and areas are refreshed, and how amounts are brought to one price level. */
    private record Scope(String municipality, int budgetYear, Set<String> only, List<Integer> years, PriceIndex index,
            int level) {

        long regulated(long amount, Integer fromLevel) {
            return PriceLevels.convertOrKeep(index, amount, fromLevel, level);
        }
    }

    /** Per area code: the area, the targets, the room covered and spent per year, and the proposals counted. */
    private record Sums(Map<String, Area> areas, Map<String, long[]> targets, Map<String, long[]> covered,
            Map<String, long[]> expansions, Map<String, Integer> counts) {

        Sums() {
            this(new LinkedHashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        }
    }

    /** The figures of one area and year, as they should stand in its coverage row. */
    private record Figures(Area area, long target, long covered, long expansions, int count) {

        boolean reached() {
            return target > 0 && covered >= target;
        }

        boolean standIn(AreaCoverage row) {
            return row.matched == area.matched() && row.target == target && row.covered == covered
                    && row.expansions == expansions && row.proposalCount == count && row.reached == reached()
                    && (area.name() == null || area.name().equals(row.areaName));
        }

        void writeTo(AreaCoverage row, Instant now) {
            if (area.name() != null) {
                row.areaName = area.name();
                row.mainAccount = area.mainAccount();
                row.committee = area.committee();
            }
            row.matched = area.matched();
            row.target = target;
            row.covered = covered;
            row.expansions = expansions;
            row.proposalCount = count;
            row.reached = reached();
            row.updatedAt = now;
        }
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
        BaseBudget budget = budgets.findFor(municipality, budgetYear).orElse(null);
        int level = PriceLevels.statedLevel(budget, budgetYear);
        Scope scope = new Scope(municipality, budgetYear, only, Horizon.of(budgetYear),
                priceLevels.effective(municipality), level);
        Sums sums = new Sums();
        addBudgetAreas(sums, budget, only);
        addTargets(scope, sums);
        addProposals(scope, sums);

        Map<String, AreaCoverage> existing = new HashMap<>();
        for (AreaCoverage row : coverage.forBudgetYear(municipality, budgetYear, only)) {
            existing.put(row.areaCode + ":" + row.year, row);
        }
        Set<String> codes = new LinkedHashSet<>(sums.areas().keySet());
        existing.values().forEach(row -> codes.add(row.areaCode));
        Instant now = clock.instant();
        for (String code : codes) {
            updateArea(scope, sums, code, existing, now);
        }
    }

    private static void addBudgetAreas(Sums sums, BaseBudget budget, Set<String> only) {
        if (budget == null) {
            return;
        }
        for (BudgetArea area : budget.areas) {
            if (only == null || only.contains(area.code)) {
                sums.areas().put(area.code, new Area(area.name, area.mainAccount, area.committee, true));
            }
        }
    }

    private void addTargets(Scope scope, Sums sums) {
        int n = scope.years().size();
        for (PublishedLine line : rounds.publishedLines(scope.municipality(), scope.budgetYear(), scope.only())) {
            sums.areas().putIfAbsent(line.areaCode(),
                    new Area(line.areaName(), line.mainAccount(), line.committee(), true));
            int y = scope.years().indexOf(line.year());
            if (y >= 0) {
                sums.targets().computeIfAbsent(line.areaCode(), code -> new long[n])[y]
                        += scope.regulated(line.amount(), line.priceLevelYear());
            }
        }
    }

    private void addProposals(Scope scope, Sums sums) {
        int n = scope.years().size();
        for (KnownProposal proposal : proposals.withFigures(scope.municipality(), scope.budgetYear(), scope.only())) {
            if (!proposal.counts()) {
                continue;
            }
            sums.areas().putIfAbsent(proposal.areaCode, new Area(proposal.areaName, proposal.mainAccount,
                    proposal.committee, false));
            sums.counts().merge(proposal.areaCode, 1, Integer::sum);
            boolean expansion = proposal.type == ProposalType.EXPANSION;
            long[] row = (expansion ? sums.expansions() : sums.covered())
                    .computeIfAbsent(proposal.areaCode, code -> new long[n]);
            for (int y = 0; y < n; y++) {
                long room = scope.regulated(proposal.room(scope.years().get(y)), proposal.priceLevelYear);
                row[y] += expansion ? -room : room;
            }
        }
    }

    private void updateArea(Scope scope, Sums sums, String code, Map<String, AreaCoverage> existing, Instant now) {
        int n = scope.years().size();
        Area area = sums.areas().getOrDefault(code, new Area(null, null, null, false));
        long[] target = sums.targets().getOrDefault(code, new long[n]);
        long[] room = sums.covered().getOrDefault(code, new long[n]);
        long[] spent = sums.expansions().getOrDefault(code, new long[n]);
        int count = sums.counts().getOrDefault(code, 0);
        for (int y = 0; y < n; y++) {
            int year = scope.years().get(y);
            Figures figures = new Figures(area, target[y], room[y], spent[y], count);
            updateYear(scope, code, year, existing.get(code + ":" + year), figures, now);
        }
    }

    /** Writes one area and year's row if its figures moved, and publishes the crossing when {@code reached} flips. */
    private void updateYear(Scope scope, String code, int year, AreaCoverage row, Figures figures, Instant now) {
        boolean reached = figures.reached();
        boolean wasReached = row != null && row.reached;
        if (row != null && figures.standIn(row)) {
            return;
        }
        boolean fresh = row == null;
        if (fresh) {
            row = new AreaCoverage();
            row.municipality = scope.municipality();
            row.budgetYear = scope.budgetYear();
            row.areaCode = code;
            row.year = year;
        }
        figures.writeTo(row, now);
        if (fresh) {
            coverage.persist(row);
        }
        if (reached != wasReached) {
            events.coverageChanged(scope.municipality(), scope.budgetYear(), code, year, figures.target(),
                    figures.covered(), reached);
        }
    }
}
