package dk.raaderum.target.service;

import dk.raaderum.platform.events.MainAccounts;
import dk.raaderum.target.config.TargetConfig;
import dk.raaderum.target.domain.AllocationLine;
import dk.raaderum.target.domain.AllocationRound;
import dk.raaderum.target.domain.AllocationTotal;
import dk.raaderum.target.domain.AreaCoverage;
import dk.raaderum.target.domain.EfficiencyTarget;
import dk.raaderum.target.domain.Horizon;
import dk.raaderum.target.domain.Percent;
import dk.raaderum.target.repository.AllocationRoundRepository;
import dk.raaderum.target.repository.AreaCoverageRepository;
import dk.raaderum.target.service.KlModels.Count;
import dk.raaderum.target.service.KlModels.Distribution;
import dk.raaderum.target.service.KlModels.KlCoverage;
import dk.raaderum.target.service.KlModels.KlCoverageYear;
import dk.raaderum.target.service.KlModels.KlMainAccount;
import dk.raaderum.target.service.KlModels.KlTargetSummary;
import dk.raaderum.target.service.KlModels.YearDistribution;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * KL's view across municipalities: only adopted targets with a published allocation, never a municipality code, and
 * groups of fewer municipalities than {@code raaderum.target.kl.min-group-size} suppressed.
 */
@ApplicationScoped
public class KlService {


    private final AllocationRoundRepository rounds;
    private final AreaCoverageRepository coverage;
    private final int minGroup;

    public KlService(AllocationRoundRepository rounds, AreaCoverageRepository coverage, TargetConfig config) {
        this.rounds = rounds;
        this.coverage = coverage;
        this.minGroup = config.kl().minGroupSize();
    }

    public KlTargetSummary targets(int budgetYear) {
        List<AllocationRound> published = rounds.publishedInYear(budgetYear);
        List<Integer> years = Horizon.of(budgetYear);
        Map<String, Map<Integer, long[]>> byMunicipality = new TreeMap<>();
        int withExemptions = 0;
        for (AllocationRound round : published) {
            Map<Integer, long[]> perYear = byMunicipality.computeIfAbsent(round.target.municipality, m -> new HashMap<>());
            for (AllocationTotal total : round.totals) {
                long[] sums = perYear.computeIfAbsent(total.year, y -> new long[2]);
                sums[0] += total.allocated;
                sums[1] = Math.max(sums[1], total.budgetTotal);
            }
            if (round.lines.stream().anyMatch(KlService::relieved)) {
                withExemptions++;
            }
        }
        int municipalities = byMunicipality.size();
        boolean suppressed = municipalities < minGroup;
        if (suppressed) {
            return new KlTargetSummary(budgetYear, municipalities, published.size(), minGroup, true, List.of(), List.of(),
                    List.of(), List.of(), List.of(), null);
        }
        List<YearDistribution> distributions = new ArrayList<>();
        for (int year : years) {
            List<BigDecimal> percents = new ArrayList<>();
            for (Map<Integer, long[]> perYear : byMunicipality.values()) {
                long[] sums = perYear.get(year);
                if (sums != null && sums[1] > 0) {
                    percents.add(Percent.of(sums[0], sums[1], 4));
                }
            }
            distributions.add(new YearDistribution(year, percents.size(),
                    percents.size() < minGroup ? null : distribution(percents)));
        }
        List<EfficiencyTarget> targets = published.stream().map(r -> r.target).toList();
        return new KlTargetSummary(budgetYear, municipalities, published.size(), minGroup, false, distributions,
                count(published, r -> r.key.name()), count(targets, t -> t.responsibleBody.name()),
                count(targets, t -> t.kind.name()), count(targets, t -> t.mode.name()),
                Percent.of(withExemptions, published.size()));
    }

    public KlCoverage coverage(int budgetYear) {
        List<Integer> years = Horizon.of(budgetYear);
        List<AreaCoverage> rows = coverage.withTargetsInYear(budgetYear);
        Map<Integer, List<AreaCoverage>> byAccount = rows.stream().filter(r -> r.mainAccount != null)
                .collect(Collectors.groupingBy(r -> r.mainAccount, TreeMap::new, Collectors.toList()));
        List<KlMainAccount> accounts = new ArrayList<>();
        accounts.add(new KlMainAccount(null, "Alle områder", years(rows, years)));
        byAccount.forEach((account, list) -> accounts.add(new KlMainAccount(account, MainAccounts.name(account),
                years(list, years))));
        return new KlCoverage(budgetYear, minGroup, accounts);
    }

    private List<KlCoverageYear> years(List<AreaCoverage> rows, List<Integer> years) {
        List<KlCoverageYear> result = new ArrayList<>();
        for (int year : years) {
            Set<String> municipalities = new HashSet<>();
            long target = 0;
            long covered = 0;
            int reached = 0;
            int areas = 0;
            for (AreaCoverage row : rows) {
                if (row.year != year) {
                    continue;
                }
                municipalities.add(row.municipality);
                target += row.target;
                covered += row.covered;
                areas++;
                reached += row.reached ? 1 : 0;
            }
            boolean suppressed = municipalities.size() < minGroup;
            result.add(suppressed ? new KlCoverageYear(year, municipalities.size(), true, null, null, null, null, null)
                    : new KlCoverageYear(year, municipalities.size(), false, target, covered, Percent.of(covered, target),
                            reached, areas));
        }
        return result;
    }

    private static boolean relieved(AllocationLine line) {
        return line.exempt || (line.reductionFactor != null && line.reductionFactor.compareTo(BigDecimal.ONE) < 0);
    }

    private static <T> List<Count> count(List<T> items, Function<T, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        items.forEach(item -> counts.merge(key.apply(item), 1, Integer::sum));
        return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    static Distribution distribution(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        BigDecimal sum = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Distribution(scale(sorted.get(0)), quantile(sorted, 1, 4), quantile(sorted, 1, 2),
                quantile(sorted, 3, 4), scale(sorted.get(sorted.size() - 1)),
                sum.divide(BigDecimal.valueOf(sorted.size()), 2, RoundingMode.HALF_UP));
    }

    /** Linear interpolation between the closest ranks (the spreadsheet's QUARTILE.INC). */
    private static BigDecimal quantile(List<BigDecimal> sorted, int numerator, int denominator) {
        BigDecimal position = BigDecimal.valueOf((long) (sorted.size() - 1) * numerator)
                .divide(BigDecimal.valueOf(denominator), 10, RoundingMode.HALF_UP);
        int lower = position.intValue();
        BigDecimal fraction = position.subtract(BigDecimal.valueOf(lower));
        BigDecimal low = sorted.get(lower);
        BigDecimal high = sorted.get(Math.min(lower + 1, sorted.size() - 1));
        return scale(low.add(high.subtract(low).multiply(fraction)));
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
