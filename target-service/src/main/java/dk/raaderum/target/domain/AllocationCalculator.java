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

    /** 422 rule: a key that weighs by budget needs budgets of 0 or more. */
    public static final String RULE_BUDGET_NOT_NEGATIVE = "budget-not-negative";
    /** 422 rule: the CUSTOM key gives every area it spreads over a weight of 0 or more. */
    public static final String RULE_CUSTOM_WEIGHTS = "custom-weights";
    /** 422 rule: an area is exempt or has manual amounts, not both. */
    public static final String RULE_EXEMPT_OR_MANUAL = "exempt-or-manual";
    /** 422 rule: the manual amounts of a year are at most its target. */
    public static final String RULE_MANUAL_EXCEEDS_TARGET = "manual-exceeds-target";
    /** 422 rule: some area that is not exempt carries what the manual amounts leave of a year's target. */
    public static final String RULE_NO_AREA_TO_CARRY = "no-area-to-carry";
    /** 422 rule: an area's reduction factor is between 0 and 1. */
    public static final String RULE_REDUCTION_FACTOR = "reduction-factor";
    /** 422 rule: the rounding unit is 1 krone or more and divides each year's target. */
    public static final String RULE_ROUNDING_UNIT = "rounding-unit";
    /** 422 rule: a year's target is 0 or more. */
    public static final String RULE_TARGET_NOT_NEGATIVE = "target-not-negative";
    /** 422 rule: an allocation names each area once. */
    public static final String RULE_UNIQUE_AREAS = "unique-areas";

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

    /**
     * Per area (first index) and year (second index) what the allocation has decided so far, with each area's
     * DIFFERENTIATED multiplier.
     */
    private record Sheet(BigDecimal[] multipliers, long[][] amounts, boolean[][] manual, BigDecimal[][] shares) {

        Sheet(BigDecimal[] multipliers, int yearCount) {
            this(multipliers, new long[multipliers.length][yearCount], new boolean[multipliers.length][yearCount],
                    new BigDecimal[multipliers.length][yearCount]);
        }

        List<AreaResult> results(List<Area> areas) {
            List<AreaResult> results = new ArrayList<>(areas.size());
            for (int i = 0; i < areas.size(); i++) {
                results.add(new AreaResult(areas.get(i).code(), amounts[i], areas.get(i).exempt(), manual[i],
                        multipliers[i], shares[i]));
            }
            return results;
        }
    }

    public static Result allocate(Problem problem) {
        int yearCount = problem.years().size();
        long unit = problem.unit();
        if (unit < 1) {
            throw new AllocationException(RULE_ROUNDING_UNIT,
                    "The rounding unit must be 1 krone or more", "roundingUnit");
        }
        if (problem.totals().length != yearCount) {
            throw new IllegalArgumentException("one target total per year");
        }
        List<Area> areas = problem.areas();
        validateAreas(problem, areas, yearCount, unit);

        Sheet sheet = new Sheet(multipliers(problem, areas), yearCount);
        for (int y = 0; y < yearCount; y++) {
            allocateYear(problem, y, sheet);
        }
        return new Result(sheet.results(areas), problem.totals().clone());
    }

    /** DIFFERENTIATED: each area's multiplier from its spending index; the other keys: nulls. */
    private static BigDecimal[] multipliers(Problem problem, List<Area> areas) {
        BigDecimal[] multipliers = new BigDecimal[areas.size()];
        if (problem.key() == AllocationKey.DIFFERENTIATED) {
            if (problem.function() == null) {
                throw new IllegalArgumentException("the DIFFERENTIATED key needs its function");
            }
            for (int i = 0; i < areas.size(); i++) {
                multipliers[i] = problem.function().multiplier(areas.get(i).spendingIndex());
            }
        }
        return multipliers;
    }

    /** Year {@code y}: the manual amounts first, then the key spreads the remainder over the other non-exempt areas. */
    private static void allocateYear(Problem problem, int y, Sheet sheet) {
        int year = problem.years().get(y);
        long total = problem.totals()[y];
        long unit = problem.unit();
        if (total < 0) {
            throw new AllocationException(RULE_TARGET_NOT_NEGATIVE, "The target for " + year + " is negative");
        }
        if (total % unit != 0) {
            throw new AllocationException(RULE_ROUNDING_UNIT, "The target for " + year + " (" + total
                    + " kr.) is not a multiple of the rounding unit " + unit + " kr.", "roundingUnit");
        }
        List<Integer> keyed = new ArrayList<>();
        long manualSum = placeManual(problem.areas(), y, sheet, keyed);
        if (manualSum > total) {
            throw new AllocationException(RULE_MANUAL_EXCEEDS_TARGET, "The manual amounts for " + year + " ("
                    + manualSum + " kr.) exceed the target (" + total + " kr.)", "areas");
        }
        spreadByKey(problem, y, keyed, total - manualSum, sheet);
    }

    /**
     * Gives the areas with a manual amount in year {@code y} that amount, and adds the other non-exempt areas to
     * {@code keyed}.
     *
     * @return the sum of the manual amounts
     */
    private static long placeManual(List<Area> areas, int y, Sheet sheet, List<Integer> keyed) {
        long manualSum = 0;
        for (int i = 0; i < areas.size(); i++) {
            Area area = areas.get(i);
            if (area.manualIn(y)) {
                sheet.amounts()[i][y] = area.manual()[y];
                sheet.manual()[i][y] = true;
                manualSum += area.manual()[y];
            } else if (!area.exempt()) {
                keyed.add(i);
            }
        }
        return manualSum;
    }

    /** Splits {@code remaining} kroner of year {@code y} over the keyed areas by their weights, in whole units. */
    private static void spreadByKey(Problem problem, int y, List<Integer> keyed, long remaining, Sheet sheet) {
        List<Area> areas = problem.areas();
        long remainingUnits = remaining / problem.unit();
        BigDecimal[] weights = new BigDecimal[keyed.size()];
        String[] names = new String[keyed.size()];
        BigDecimal weightSum = BigDecimal.ZERO;
        for (int k = 0; k < keyed.size(); k++) {
            int i = keyed.get(k);
            weights[k] = weight(problem.key(), areas.get(i), y, sheet.multipliers()[i]);
            names[k] = areas.get(i).code();
            weightSum = weightSum.add(weights[k]);
        }
        if (remainingUnits > 0 && weightSum.signum() == 0) {
            throw new AllocationException(RULE_NO_AREA_TO_CARRY,
                    "Nothing carries the remaining " + remaining + " kr. of "
                    + problem.years().get(y)
                    + ": every area is exempt, set by hand, reduced to zero or has no budget");
        }
        long[] units = LargestRemainder.split(remainingUnits, weights, names);
        for (int k = 0; k < keyed.size(); k++) {
            int i = keyed.get(k);
            sheet.amounts()[i][y] = units[k] * problem.unit();
            sheet.shares()[i][y] = share(weights[k], weightSum);
        }
    }

    /** A weight's share of the sum in percent, 4 decimals; 0 when nothing has weight. */
    private static BigDecimal share(BigDecimal weight, BigDecimal weightSum) {
        return weightSum.signum() == 0 ? BigDecimal.ZERO.setScale(4)
                : weight.multiply(HUNDRED).divide(weightSum, MathContext.DECIMAL128).setScale(4, RoundingMode.HALF_UP);
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
                throw new AllocationException(RULE_UNIQUE_AREAS, "Area " + area.code() + " is given twice", "areas");
            }
            if (area.budget().length != yearCount) {
                throw new IllegalArgumentException("one budget amount per year for " + area.code());
            }
            for (long amount : area.budget()) {
                if (amount < 0) {
                    throw new AllocationException(RULE_BUDGET_NOT_NEGATIVE, "Area " + area.code()
                            + " has a negative budget; the key needs budgets of 0 or more");
                }
            }
            BigDecimal factor = area.reductionFactor();
            if (factor != null && (factor.signum() < 0 || factor.compareTo(BigDecimal.ONE) > 0)) {
                throw new AllocationException(RULE_REDUCTION_FACTOR, "The reduction factor of " + area.code()
                        + " must be between 0 and 1 (0.5 = the area carries half of its share)", "areas");
            }
            if (area.manual() != null) {
                if (area.manual().length != yearCount) {
                    throw new IllegalArgumentException("one manual slot per year for " + area.code());
                }
                if (area.exempt()) {
                    throw new AllocationException(RULE_EXEMPT_OR_MANUAL, "Area " + area.code()
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
                    throw new AllocationException(RULE_CUSTOM_WEIGHTS, "The CUSTOM key needs a weight of 0 or more for "
                            + area.code() + " (or exempt it, or set its amounts by hand)", "areas");
                }
            }
        }
    }
}
