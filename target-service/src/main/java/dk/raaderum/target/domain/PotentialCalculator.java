package dk.raaderum.target.domain;

import dk.raaderum.platform.events.YearAmount;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Varde's potential packages (potentialepakker) as a pure function. Per area:
 *
 * <pre>
 * benchmark  = the N-th cheapest unit cost of the comparison municipalities (N = rank, default 10)
 * potential  = max(0, own unit cost − benchmark) × volume, rounded half up to whole kroner
 * index      = own unit cost / benchmark × 100 (the spending index a DIFFERENTIATED key can use)
 * </pre>
 *
 * The total is then scaled down by the realism (a factor, or a cap): the realistic total is split over the areas in
 * proportion to their potentials by {@link LargestRemainder}, so the realistic amounts sum exactly to the realistic
 * total. Areas with fewer than N comparison municipalities have no benchmark and no potential (incomplete).
 */
public final class PotentialCalculator {

    /** 422 rule: the rank of a potential analysis's comparison is 1 or more. */
    public static final String RULE_POTENTIAL_RANK = "potential-rank";

    /** The rule a potential beyond the bound of every amount breaks. */
    public static final String RULE_POTENTIAL_TOO_LARGE = "potential-too-large";

    private PotentialCalculator() {
    }

    /** @param comparatorCosts the unit costs of the comparison municipalities for this area */
    public record AreaInput(String code, BigDecimal volume, long ownUnitCost, List<Long> comparatorCosts) {
    }

    /**
     * @param rank N: the benchmark is the N-th cheapest comparison municipality
     * @param factor FACTOR: 0–1
     * @param cap CAP: the most the realistic total may be, kroner
     */
    public record Input(int rank, Realism realism, BigDecimal factor, Long cap, List<AreaInput> areas) {
    }

    /**
     * @param benchmark the N-th cheapest unit cost; null when there are fewer than N comparison municipalities
     * @param ownPosition the own unit cost's place among the comparison municipalities and itself (1 = cheapest)
     * @param spendingIndex own / benchmark × 100, two decimals; null without a (positive) benchmark
     * @param rank the area's place by potential (1 = largest)
     */
    public record AreaResult(String code, int rank, BigDecimal volume, long ownUnitCost, Long benchmark,
            int comparators, int ownPosition, long gapPerUnit, long potential, long realistic, BigDecimal spendingIndex,
            BigDecimal sharePercent, boolean complete) {
    }

    /** @param scaleFactor realistic / total, four decimals; null when the total is 0 */
    public record Result(List<AreaResult> ranked, long total, long realisticTotal, BigDecimal scaleFactor,
            boolean complete) {
    }

    /** Gap × volume in whole kroner; refused beyond the bound of every amount (it could not be summed exactly). */
    private static long potential(AreaInput area, long gap) {
        BigDecimal potential = BigDecimal.valueOf(gap).multiply(area.volume()).setScale(0, RoundingMode.HALF_UP);
        if (potential.compareTo(BigDecimal.valueOf(YearAmount.MAX_ABS)) > 0) {
            throw new AllocationException(RULE_POTENTIAL_TOO_LARGE, "The potential of area " + area.code() + " ("
                    + potential.toPlainString() + " kr.) is beyond " + YearAmount.MAX_ABS
                    + " kr., the most any amount may be: check its unit cost and volume");
        }
        return potential.longValueExact();
    }

    /**
     * Per area (same order as the input) the benchmark and the potential, and their total.
     *
     * @param complete every area has a benchmark
     */
    private record Potentials(List<AreaInput> areas, Long[] benchmarks, long[] potentials, long total,
            boolean complete) {
    }

    public static Result calculate(Input input) {
        if (input.rank() < 1) {
            throw new AllocationException(RULE_POTENTIAL_RANK, "The rank must be 1 or more (10 = the 10th cheapest)");
        }
        Potentials potentials = potentials(input);
        long total = potentials.total();
        long realisticTotal = switch (input.realism()) {
            case NONE -> total;
            case FACTOR -> BigDecimal.valueOf(total).multiply(input.factor()).setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
            case CAP -> Math.min(total, input.cap());
        };
        long[] realistic = realistic(potentials, realisticTotal);
        List<AreaResult> ranked = ranked(potentials, realistic);
        BigDecimal scale = total == 0 ? null
                : BigDecimal.valueOf(realisticTotal).divide(BigDecimal.valueOf(total), MathContext.DECIMAL128)
                        .setScale(4, RoundingMode.HALF_UP);
        return new Result(ranked, total, realisticTotal, scale, potentials.complete());
    }

    private static Potentials potentials(Input input) {
        List<AreaInput> areas = input.areas();
        int n = areas.size();
        Long[] benchmarks = new Long[n];
        long[] potentials = new long[n];
        long total = 0;
        boolean complete = true;
        for (int i = 0; i < n; i++) {
            AreaInput area = areas.get(i);
            List<Long> sorted = area.comparatorCosts().stream().sorted().toList();
            if (sorted.size() >= input.rank()) {
                benchmarks[i] = sorted.get(input.rank() - 1);
                long gap = Math.max(0, area.ownUnitCost() - benchmarks[i]);
                potentials[i] = potential(area, gap);
            } else {
                complete = false;
            }
            total = Math.addExact(total, potentials[i]);
        }
        return new Potentials(areas, benchmarks, potentials, total, complete);
    }

    /** The realistic total split over the areas in proportion to their potentials; zeros when there is no potential. */
    private static long[] realistic(Potentials potentials, long realisticTotal) {
        int n = potentials.areas().size();
        BigDecimal[] weights = new BigDecimal[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            weights[i] = BigDecimal.valueOf(potentials.potentials()[i]);
            names[i] = potentials.areas().get(i).code();
        }
        return potentials.total() == 0 ? new long[n] : LargestRemainder.split(realisticTotal, weights, names);
    }

    /** The areas by potential, largest first (ties by code). */
    private static List<AreaResult> ranked(Potentials potentials, long[] realistic) {
        List<AreaInput> areas = potentials.areas();
        int n = areas.size();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> potentials.potentials()[i]).reversed()
                .thenComparing(i -> areas.get(i).code()));
        List<AreaResult> ranked = new ArrayList<>(n);
        for (int place = 0; place < n; place++) {
            int i = order.get(place);
            ranked.add(areaResult(potentials, i, place + 1, realistic[i]));
        }
        return ranked;
    }

    private static AreaResult areaResult(Potentials potentials, int i, int rank, long realistic) {
        AreaInput area = potentials.areas().get(i);
        Long benchmark = potentials.benchmarks()[i];
        long potential = potentials.potentials()[i];
        int position = 1 + (int) area.comparatorCosts().stream().filter(cost -> cost < area.ownUnitCost()).count();
        BigDecimal index = benchmark == null || benchmark <= 0 ? null
                : BigDecimal.valueOf(area.ownUnitCost()).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(benchmark), 2, RoundingMode.HALF_UP);
        return new AreaResult(area.code(), rank, area.volume(), area.ownUnitCost(), benchmark,
                area.comparatorCosts().size(), position,
                benchmark == null ? 0 : Math.max(0, area.ownUnitCost() - benchmark), potential, realistic, index,
                Percent.of(potential, potentials.total()), benchmark != null);
    }
}
