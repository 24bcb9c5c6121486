package dk.raaderum.target.service;

import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.events.PriceLevel;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.target.domain.AreaCoverage;
import dk.raaderum.target.domain.BaseBudget;
import dk.raaderum.target.domain.CatalogAdoption;
import dk.raaderum.target.domain.Horizon;
import dk.raaderum.target.domain.KnownProposal;
import dk.raaderum.target.domain.Percent;
import dk.raaderum.target.repository.AreaCoverageRepository;
import dk.raaderum.target.repository.BaseBudgetRepository;
import dk.raaderum.target.repository.CatalogAdoptionRepository;
import dk.raaderum.target.repository.KnownProposalRepository;
import dk.raaderum.target.repository.PriceIndexRepository;
import dk.raaderum.target.service.CoverageModels.AreaCoverageView;
import dk.raaderum.target.service.CoverageModels.AreaDetail;
import dk.raaderum.target.service.CoverageModels.CatalogStatus;
import dk.raaderum.target.service.CoverageModels.CoverageLevel;
import dk.raaderum.target.service.CoverageModels.CoverageView;
import dk.raaderum.target.service.CoverageModels.CoverageYear;
import dk.raaderum.target.service.CoverageModels.ProposalView;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads live coverage (kept by {@link CoverageProjector}); reads only. */
@ApplicationScoped
public class CoverageService {

    private final AreaCoverageRepository coverage;
    private final BaseBudgetRepository budgets;
    private final KnownProposalRepository proposals;
    private final CatalogAdoptionRepository catalogs;
    private final AreaRegister register;
    private final PriceLevels priceLevels;
    private final PriceIndexRepository indices;

    public CoverageService(AreaCoverageRepository coverage, BaseBudgetRepository budgets,
            KnownProposalRepository proposals, CatalogAdoptionRepository catalogs, AreaRegister register,
            PriceLevels priceLevels, PriceIndexRepository indices) {
        this.coverage = coverage;
        this.budgets = budgets;
        this.proposals = proposals;
        this.catalogs = catalogs;
        this.register = register;
        this.priceLevels = priceLevels;
        this.indices = indices;
    }

    /**
     * The level coverage is stated at and the levels converted from; 422 {@code price-level-missing} when the index
     * lacks one of them (the read model then holds unconverted amounts until the year is added).
     */
    private CoverageLevel level(String municipality, int budgetYear, PriceIndex index) {
        int level = PriceLevels.statedLevel(budgets.findFor(municipality, budgetYear).orElse(null), budgetYear);
        return new CoverageLevel(level, PriceLevels.requireConvertible(index,
                indices.convertedLevels(municipality, budgetYear), level));
    }

    public CoverageView get(String municipality, int budgetYear) {
        CoverageLevel level = level(municipality, budgetYear, priceLevels.effective(municipality));
        List<Integer> years = Horizon.of(budgetYear);
        List<AreaCoverage> rows = coverage.forBudgetYear(municipality, budgetYear, null);
        AreaRegister.Lookup names = register.lookup(municipality);
        List<AreaCoverageView> areas = areas(rows, order(municipality, budgetYear)).stream()
                .map(area -> named(area, names)).toList();
        long[] target = new long[years.size()];
        long[] covered = new long[years.size()];
        long[] spent = new long[years.size()];
        for (AreaCoverageView area : areas) {
            if (!area.matched()) {
                continue;
            }
            for (int y = 0; y < years.size(); y++) {
                target[y] += area.years().get(y).target();
                covered[y] += area.years().get(y).covered();
                spent[y] += area.years().get(y).expansions();
            }
        }
        List<CoverageYear> totals = new ArrayList<>();
        for (int y = 0; y < years.size(); y++) {
            totals.add(year(years.get(y), target[y], covered[y], spent[y]));
        }
        Instant updated = rows.stream().map(r -> r.updatedAt).max(Comparator.naturalOrder()).orElse(null);
        return new CoverageView(municipality, budgetYear, years, level, areas.stream().filter(AreaCoverageView::matched).toList(),
                totals, areas.stream().filter(a -> !a.matched() && a.proposalCount() > 0).toList(),
                catalogs(municipality, budgetYear), updated,
                names.warnings(areas.stream().filter(a -> a.matched() || a.proposalCount() > 0)
                        .map(AreaCoverageView::areaCode).toList()));
    }

    private static AreaCoverageView named(AreaCoverageView area, AreaRegister.Lookup names) {
        return new AreaCoverageView(area.areaCode(), names.name(area.areaCode(), area.areaName()), area.mainAccount(),
                area.committee(), area.matched(), area.proposalCount(), area.years());
    }

    public AreaDetail area(String municipality, int budgetYear, String areaCode) {
        List<AreaCoverage> rows = coverage.forBudgetYear(municipality, budgetYear, List.of(areaCode));
        List<KnownProposal> known = proposals.withFigures(municipality, budgetYear, List.of(areaCode));
        if (rows.isEmpty() && known.isEmpty()) {
            throw ProblemException.notFound("Coverage of area", areaCode + " in " + budgetYear);
        }
        AreaRegister.Lookup names = register.lookup(municipality);
        List<AreaCoverageView> views = areas(rows, Map.of()).stream().map(view -> named(view, names)).toList();
        AreaCoverageView area = views.isEmpty() ? null : views.get(0);
        PriceIndex index = priceLevels.effective(municipality);
        CoverageLevel level = level(municipality, budgetYear, index);
        List<Integer> years = Horizon.of(budgetYear);
        List<ProposalView> list = known.stream()
                .filter(p -> p.adoptionReceived)
                .map(p -> proposal(p, years, index, level.year()))
                .toList();
        return new AreaDetail(area, level, list);
    }

    /** The proposal's room at the coverage's price level, saying which level it was converted from. */
    private static ProposalView proposal(KnownProposal p, List<Integer> years, PriceIndex index, int level) {
        int from = p.priceLevelYear == null ? level : p.priceLevelYear;
        List<YearValue> room = years.stream().map(year -> new YearValue(year,
                PriceLevels.convert(index, p.room(year), from, level)))
                .toList();
        return new ProposalView(p.id, p.number, p.title, p.type, p.state, p.counts() && p.type.createsRoom(), room,
                PriceLevel.of(level, from), p.adoptedAt, p.stateAt);
    }

    /** The base budget's order of areas (unmatched areas after them, by code). */
    private Map<String, Integer> order(String municipality, int budgetYear) {
        Map<String, Integer> order = new HashMap<>();
        budgets.findFor(municipality, budgetYear).map((BaseBudget b) -> b.areas).orElse(List.of())
                .forEach(area -> order.put(area.code, area.position));
        return order;
    }

    private static List<AreaCoverageView> areas(List<AreaCoverage> rows, Map<String, Integer> order) {
        Map<String, List<AreaCoverage>> byArea = new LinkedHashMap<>();
        rows.forEach(row -> byArea.computeIfAbsent(row.areaCode, code -> new ArrayList<>()).add(row));
        return byArea.values().stream().map(list -> {
            list.sort(Comparator.comparingInt(r -> r.year));
            AreaCoverage first = list.get(0);
            return new AreaCoverageView(first.areaCode, first.areaName, first.mainAccount, first.committee, first.matched,
                    first.proposalCount, list.stream().map(r -> year(r.year, r.target, r.covered, r.expansions)).toList());
        }).sorted(Comparator.<AreaCoverageView>comparingInt(a -> order.getOrDefault(a.areaCode(), Integer.MAX_VALUE))
                .thenComparing(AreaCoverageView::areaCode)).toList();
    }

    private static CoverageYear year(int year, long target, long covered, long expansions) {
        return new CoverageYear(year, target, covered, target - covered, Percent.of(covered, target),
                target > 0 && covered >= target, expansions);
    }

    private List<CatalogStatus> catalogs(String municipality, int budgetYear) {
        List<CatalogStatus> result = new ArrayList<>();
        for (CatalogAdoption adoption : catalogs.forBudgetYear(municipality, budgetYear)) {
            Set<Long> received = new HashSet<>(proposals.receivedAdoptions(adoption.adoptedProposalIds));
            List<Long> awaiting = adoption.adoptedProposalIds.stream().filter(id -> !received.contains(id)).sorted().toList();
            result.add(new CatalogStatus(adoption.id, adoption.title, adoption.adoptedAt,
                    adoption.adoptedProposalIds.size(), received.size(), awaiting));
        }
        return result;
    }
}
