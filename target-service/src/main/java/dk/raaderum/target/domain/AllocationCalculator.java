package dk.raaderum.target.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The allocation of a target over policy areas, as a pure function. Per year:
 * <ol>
 * <li>the areas with a manual amount get exactly that amount;</li>
 * <li>the remainder (target − manual amounts) is split over the other non-exempt areas in proportion to their key
 * weight ({@link AllocationKey}; the weight is multiplied by the area's reduction factor), in whole rounding units,
 * by {@link LargestRemainder};</li>
 * <li>exempt areas get zero.</li>
 * </ol>
 * So the amounts sum exactly to the target in every year, none is negative, every amount is a multiple of the rounding
 * unit, and each keyed amount is within one rounding unit of its exact proportional share. The same input gives the
 * same output, whatever the order of the areas.
 */
public final class AllocationCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AllocationCalculator() {
    }

    /**
     * One policy area as the allocation sees it.
     *
     * @param budget operating budget per year of the horizon (same order as {@link Problem#years()}), ≥ 0
     * @param exempt carries nothing
     * @param reductionFactor 0–1: the share of its normal weight the area carries (0.5 = half); null = 1
     * @param manual per year a fixed amount (a null entry: the key decides that year); null = no manual amounts
     * @param spendingIndex DIFFERENTIATED only: 100 = spends as comparable municipalities; null = 100
     * @param customWeight CUSTOM only: the area's weight, ≥ 0
     */
    public record Area(String code, long[] budget, boolean exempt, BigDecimal reductionFactor, Long[] manual,
            BigDecimal spendingIndex, BigDecimal customWeight) {

        boolean manualIn(int y) {
            return manual != null && manual[y] != null;
        }

        boolean manualEveryYear() {
            if (manual == null) {
                return false;
            }
            for (Long amount : manual) {
                if (amount == null) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * @param years the years of the horizon
     * @param totals the target per year, a multiple of {@code unit}, ≥ 0
     * @param unit the rounding unit in kroner (1 = whole kroner, 1000 = thousands)
     * @param function the multiplier of the DIFFERENTIATED key (ignored by the other keys)
     */
    public record Problem(List<Integer> years, long[] totals, long unit, AllocationKey key, DifferentiatedFunction function,
            List<Area> areas) {
    }

    /**
     * @param amounts per year the room the area must create
     * @param manual per year whether the amount was set by hand
     * @param multiplier DIFFERENTIATED: the multiplier from the spending index; else null
     * @param keyShare per year the area's share in percent (4 decimals) of what the key spread; null where the area did
     *        not take part (exempt or manual)
     */
    public record AreaResult(String code, long[] amounts, boolean exempt, boolean[] manual, BigDecimal multiplier,
            BigDecimal[] keyShare) {
    }

    public record Result(List<AreaResult> areas, long[] totals) {
    }

    public static Result allocate(Problem problem) {
        int yearCount = problem.years().size();
        long unit = problem.unit();
        if (unit < 1) {
            throw new AllocationException("rounding-unit", "The rounding unit must be 1 krone or more", "roundingUnit");
        }
        if (problem.totals().length != yearCount) {
            throw new IllegalArgumentException("one target total per year");
        }
        List<Area> areas = problem.areas();
        validateAreas(problem, areas, yearCount, unit);

        int n = areas.size();
        BigDecimal[] multipliers = new BigDecimal[n];
        if (problem.key() == AllocationKey.DIFFERENTIATED) {
            if (problem.function() == null) {
                throw new IllegalArgumentException("the DIFFERENTIATED key needs its function");
            }
            for (int i = 0; i < n; i++) {
                multipliers[i] = problem.function().multiplier(areas.get(i).spendingIndex());
            }
        }

        long[][] amounts = new long[n][yearCount];
        boolean[][] manual = new boolean[n][yearCount];
        BigDecimal[][] shares = new BigDecimal[n][yearCount];
        for (int y = 0; y < yearCount; y++) {
            int year = problem.years().get(y);
            long total = problem.totals()[y];
            if (total < 0) {
                throw new AllocationException("target-not-negative", "The target for " + year + " is negative");
            }
            if (total % unit != 0) {
                throw new AllocationException("rounding-unit", "The target for " + year + " (" + total
                        + " kr.) is not a multiple of the rounding unit " + unit + " kr.", "roundingUnit");
            }
            long manualSum = 0;
            List<Integer> keyed = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Area area = areas.get(i);
                if (area.manualIn(y)) {
                    amounts[i][y] = area.manual()[y];
                    manual[i][y] = true;
                    manualSum += area.manual()[y];
                } else if (!area.exempt()) {
                    keyed.add(i);
                }
            }
            if (manualSum > total) {
                throw new AllocationException("manual-exceeds-target", "The manual amounts for " + year + " ("
                        + manualSum + " kr.) exceed the target (" + total + " kr.)", "areas");
            }
            long remainingUnits = (total - manualSum) / unit;
            BigDecimal[] weights = new BigDecimal[keyed.size()];
            String[] names = new String[keyed.size()];
            BigDecimal weightSum = BigDecimal.ZERO;
            for (int k = 0; k < keyed.size(); k++) {
                int i = keyed.get(k);
                weights[k] = weight(problem.key(), areas.get(i), y, multipliers[i]);
                names[k] = areas.get(i).code();
                weightSum = weightSum.add(weights[k]);
            }
            if (remainingUnits > 0 && weightSum.signum() == 0) {
                throw new AllocationException("no-area-to-carry", "Nothing carries the remaining " + (total - manualSum)
                        + " kr. of " + year + ": every area is exempt, set by hand, reduced to zero or has no budget");
            }
            long[] units = LargestRemainder.split(remainingUnits, weights, names);
            for (int k = 0; k < keyed.size(); k++) {
                int i = keyed.get(k);
                amounts[i][y] = units[k] * unit;
                shares[i][y] = weightSum.signum() == 0 ? BigDecimal.ZERO.setScale(4)
                        : weights[k].multiply(HUNDRED).divide(weightSum, MathContext.DECIMAL128).setScale(4,
                                RoundingMode.HALF_UP);
            }
        }

        List<AreaResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            results.add(new AreaResult(areas.get(i).code(), amounts[i], areas.get(i).exempt(), manual[i], multipliers[i],
                    shares[i]));
        }
        return new Result(results, problem.totals().clone());
    }

    private static BigDecimal weight(AllocationKey key, Area area, int y, BigDecimal multiplier) {
        BigDecimal factor = area.reductionFactor() == null ? BigDecimal.ONE : area.reductionFactor();
        BigDecimal base = switch (key) {
            case UNIFORM -> BigDecimal.valueOf(area.budget()[y]);
            case DIFFERENTIATED -> BigDecimal.valueOf(area.budget()[y]).multiply(multiplier);
            case CUSTOM -> area.customWeight();
        };
        return base.multiply(factor);
    }

    private static void validateAreas(Problem problem, List<Area> areas, int yearCount, long unit) {
        Set<String> codes = new HashSet<>();
        for (Area area : areas) {
            if (!codes.add(area.code())) {
                throw new AllocationException("unique-areas", "Area " + area.code() + " is given twice", "areas");
            }
            if (area.budget().length != yearCount) {
                throw new IllegalArgumentException("one budget amount per year for " + area.code());
            }
            for (long amount : area.budget()) {
                if (amount < 0) {
                    throw new AllocationException("budget-not-negative", "Area " + area.code()
                            + " has a negative budget; the key needs budgets of 0 or more");
                }
            }
            BigDecimal factor = area.reductionFactor();
            if (factor != null && (factor.signum() < 0 || factor.compareTo(BigDecimal.ONE) > 0)) {
                throw new AllocationException("reduction-factor", "The reduction factor of " + area.code()
                        + " must be between 0 and 1 (0.5 = the area carries half of its share)", "areas");
            }
            if (area.manual() != null) {
                if (area.manual().length != yearCount) {
                    throw new IllegalArgumentException("one manual slot per year for " + area.code());
                }
                if (area.exempt()) {
                    throw new AllocationException("exempt-or-manual", "Area " + area.code()
                            + " is exempt and has manual amounts; choose one", "areas");
                }
                for (int y = 0; y < yearCount; y++) {
                    Long amount = area.manual()[y];
                    if (amount != null && (amount < 0 || amount % unit != 0)) {
                        throw new AllocationException(amount < 0 ? "manual-not-negative" : "rounding-unit",
                                "The manual amount of " + area.code() + " for " + problem.years().get(y) + " (" + amount
                                        + " kr.) must be 0 or more and a multiple of the rounding unit " + unit + " kr.",
                                "areas");
                    }
                }
            }
            if (problem.key() == AllocationKey.CUSTOM && !area.exempt() && !area.manualEveryYear()) {
                if (area.customWeight() == null || area.customWeight().signum() < 0) {
                    throw new AllocationException("custom-weights", "The CUSTOM key needs a weight of 0 or more for "
                            + area.code() + " (or exempt it, or set its amounts by hand)", "areas");
                }
            }
        }
    }
}
