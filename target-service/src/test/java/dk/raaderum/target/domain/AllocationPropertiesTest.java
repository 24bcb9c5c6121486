package dk.raaderum.target.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Properties of the allocation math over many random budgets, targets, exemptions, reductions, manual amounts, keys and
 * rounding units (fixed seeds, so a failure can be replayed): the areas sum exactly to the target in every year; exempt
 * areas get zero; no amount is negative; every amount is a multiple of the rounding unit; every keyed amount is within
 * one rounding unit of its exact proportional share; the result is deterministic and does not depend on the order of
 * the areas.
 */
class AllocationPropertiesTest {

    private static final long[] SEEDS = { 1L, 7L, 42L, 2027L, 573L, 20_220_101L, 987_654_321L, -5L };
    private static final int CASES_PER_SEED = 250;
    private static final long[] UNITS = { 1, 10, 100, 1_000, 10_000, 100_000 };
    private static final List<Integer> YEARS = List.of(2027, 2028, 2029, 2030);

    @Test
    void everyRandomAllocationSumsExactlyKeepsExemptAreasAtZeroAndStaysProportional() {
        int checked = 0;
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            for (int c = 0; c < CASES_PER_SEED; c++) {
                AllocationCalculator.Problem problem = randomProblem(random);
                AllocationCalculator.Result result;
                try {
                    result = AllocationCalculator.allocate(problem);
                } catch (AllocationException e) {
                    fail("seed " + seed + " case " + c + ": a feasible problem was refused: " + e.rule() + " " + e.getMessage());
                    return;
                }
                checkProperties(problem, result, "seed " + seed + " case " + c);
                checked++;
            }
        }
        assertEquals(SEEDS.length * CASES_PER_SEED, checked);
    }

    @Test
    void theSameInputGivesTheSameOutputInAnyAreaOrder() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            for (int c = 0; c < 50; c++) {
                AllocationCalculator.Problem problem = randomProblem(random);
                Map<String, long[]> first = byCode(AllocationCalculator.allocate(problem));
                Map<String, long[]> again = byCode(AllocationCalculator.allocate(problem));
                List<AllocationCalculator.Area> shuffled = new ArrayList<>(problem.areas());
                Collections.shuffle(shuffled, random);
                Map<String, long[]> reordered = byCode(AllocationCalculator.allocate(new AllocationCalculator.Problem(
                        problem.years(), problem.totals(), problem.unit(), problem.key(), problem.function(), shuffled)));
                for (String code : first.keySet()) {
                    assertArrayEquals(first.get(code), again.get(code), "deterministic, seed " + seed + " area " + code);
                    assertArrayEquals(first.get(code), reordered.get(code), "order-independent, seed " + seed + " area " + code);
                }
            }
        }
    }

    @Test
    void tiesGoToTheLargerWeightThenTheAreaCodeThatSortsFirst() {
        // 1 unit over three equal areas: the remainders tie, so the code decides (ADM before BES before KUL).
        AllocationCalculator.Result equal = AllocationCalculator.allocate(problem(new long[] { 1 }, 1, AllocationKey.UNIFORM,
                area("KUL", 100), area("ADM", 100), area("BES", 100)));
        assertEquals(List.of(0L, 1L, 0L), amounts(equal, 0));
        // 2 units over weights 2:1:1 (exact 1, 0.5, 0.5): the tie between the two small ones goes to ADM.
        AllocationCalculator.Result weighted = AllocationCalculator.allocate(problem(new long[] { 2 }, 1,
                AllocationKey.UNIFORM, area("ZZZ", 200), area("KUL", 100), area("ADM", 100)));
        assertEquals(List.of(1L, 0L, 1L), amounts(weighted, 0));
    }

    @Test
    void manualAmountsAreKeptAndOnlyTheRemainderIsSpread() {
        AllocationCalculator.Area manual = new AllocationCalculator.Area("ADM", new long[] { 500 }, false, null,
                new Long[] { 70L }, null, null);
        AllocationCalculator.Result result = AllocationCalculator.allocate(problem(new long[] { 100 }, 1,
                AllocationKey.UNIFORM, manual, area("ÆLD", 300), area("SKO", 100)));
        assertEquals(List.of(70L, 23L, 7L), amounts(result, 0)); // 30 over 3:1 = 22.5 and 7.5; tie → larger weight
    }

    @Test
    void impossibleAllocationsAreRefusedWithTheirRule() {
        AllocationCalculator.Area manual = new AllocationCalculator.Area("ADM", new long[] { 500 }, false, null,
                new Long[] { 150L }, null, null);
        assertRule("manual-exceeds-target", () -> AllocationCalculator.allocate(problem(new long[] { 100 }, 1,
                AllocationKey.UNIFORM, manual, area("ÆLD", 300))));
        AllocationCalculator.Area exempt = new AllocationCalculator.Area("ÆLD", new long[] { 300 }, true, null, null, null,
                null);
        assertRule("no-area-to-carry", () -> AllocationCalculator.allocate(problem(new long[] { 100 }, 1,
                AllocationKey.UNIFORM, exempt)));
        assertRule("rounding-unit", () -> AllocationCalculator.allocate(problem(new long[] { 1500 }, 1000,
                AllocationKey.UNIFORM, area("ÆLD", 300))));
        assertRule("custom-weights", () -> AllocationCalculator.allocate(problem(new long[] { 100 }, 1,
                AllocationKey.CUSTOM, area("ÆLD", 300))));
    }

    @Test
    void theDifferentiatedMultiplierFollowsItsFormulaWithinFloorAndCap() {
        DifferentiatedFunction function = new DifferentiatedFunction(new BigDecimal("1.5"), new BigDecimal("0.5"),
                new BigDecimal("1.4"));
        assertEquals(0, new BigDecimal("1.15").compareTo(function.multiplier(new BigDecimal("110"))));
        assertEquals(0, new BigDecimal("0.85").compareTo(function.multiplier(new BigDecimal("90"))));
        assertEquals(0, new BigDecimal("1.4").compareTo(function.multiplier(new BigDecimal("150"))), "capped");
        assertEquals(0, new BigDecimal("0.5").compareTo(function.multiplier(new BigDecimal("40"))), "floored");
        assertEquals(0, BigDecimal.ONE.compareTo(function.multiplier(null)), "no index counts as 100");
    }

    // --- the properties ---

    private static void checkProperties(AllocationCalculator.Problem problem, AllocationCalculator.Result result,
            String label) {
        int n = problem.areas().size();
        for (int y = 0; y < YEARS.size(); y++) {
            long sum = 0;
            long manualSum = 0;
            BigDecimal weightSum = BigDecimal.ZERO;
            BigDecimal[] weights = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                AllocationCalculator.Area area = problem.areas().get(i);
                long amount = result.areas().get(i).amounts()[y];
                sum += amount;
                assertTrue(amount >= 0, label + ": no negative allocation (" + area.code() + " " + amount + ")");
                assertEquals(0, amount % problem.unit(), label + ": a multiple of the rounding unit");
                if (area.exempt()) {
                    assertEquals(0, amount, label + ": exempt area " + area.code() + " gets zero");
                } else if (area.manual() != null && area.manual()[y] != null) {
                    assertEquals(area.manual()[y].longValue(), amount, label + ": manual amount kept");
                    manualSum += amount;
                } else {
                    weights[i] = weight(problem, area, y);
                    weightSum = weightSum.add(weights[i]);
                }
            }
            assertEquals(problem.totals()[y], sum, label + ": the areas sum exactly to the target in " + YEARS.get(y));
            BigDecimal remainder = BigDecimal.valueOf(problem.totals()[y] - manualSum);
            for (int i = 0; i < n; i++) {
                if (weights[i] == null || weightSum.signum() == 0) {
                    continue;
                }
                BigDecimal exact = remainder.multiply(weights[i]).divide(weightSum, MathContext.DECIMAL128);
                BigDecimal difference = BigDecimal.valueOf(result.areas().get(i).amounts()[y]).subtract(exact).abs();
                assertTrue(difference.compareTo(BigDecimal.valueOf(problem.unit())) < 0, label + ": "
                        + problem.areas().get(i).code() + " is within one rounding unit of its exact share (off by "
                        + difference + ")");
            }
        }
    }

    /** The weight written down independently of the implementation, from the documented formula. */
    private static BigDecimal weight(AllocationCalculator.Problem problem, AllocationCalculator.Area area, int y) {
        BigDecimal factor = area.reductionFactor() == null ? BigDecimal.ONE : area.reductionFactor();
        return switch (problem.key()) {
            case UNIFORM -> BigDecimal.valueOf(area.budget()[y]).multiply(factor);
            case CUSTOM -> area.customWeight().multiply(factor);
            case DIFFERENTIATED -> {
                BigDecimal index = area.spendingIndex() == null ? BigDecimal.valueOf(100) : area.spendingIndex();
                BigDecimal raw = BigDecimal.ONE.add(problem.function().sensitivity()
                        .multiply(index.divide(BigDecimal.valueOf(100)).subtract(BigDecimal.ONE)));
                BigDecimal multiplier = raw.max(problem.function().floor()).min(problem.function().cap());
                yield BigDecimal.valueOf(area.budget()[y]).multiply(multiplier).multiply(factor);
            }
        };
    }

    // --- random problems that can be allocated ---

    private static AllocationCalculator.Problem randomProblem(Random random) {
        long unit = UNITS[random.nextInt(UNITS.length)];
        AllocationKey key = AllocationKey.values()[random.nextInt(AllocationKey.values().length)];
        int n = 1 + random.nextInt(60);
        List<AllocationCalculator.Area> areas = new ArrayList<>();
        long[] budgetTotals = new long[YEARS.size()];
        for (int i = 0; i < n; i++) {
            long base = random.nextInt(10) == 0 ? 0 : 1 + (long) (random.nextDouble() * 2_000_000_000L);
            long[] budget = new long[YEARS.size()];
            for (int y = 0; y < budget.length; y++) {
                budget[y] = Math.max(0, base + (long) ((random.nextDouble() - 0.5) * base * 0.1));
                budgetTotals[y] += budget[y];
            }
            boolean exempt = random.nextInt(6) == 0;
            BigDecimal factor = !exempt && random.nextInt(4) == 0
                    ? BigDecimal.valueOf(random.nextInt(101)).movePointLeft(2) : null;
            BigDecimal index = key == AllocationKey.DIFFERENTIATED && random.nextInt(5) != 0
                    ? BigDecimal.valueOf(40 + random.nextInt(1200), 1).multiply(BigDecimal.TEN) : null;
            BigDecimal customWeight = key == AllocationKey.CUSTOM ? BigDecimal.valueOf(random.nextInt(10_000), 2) : null;
            areas.add(new AllocationCalculator.Area(String.format("A%02d", i), budget, exempt, factor, null, index,
                    customWeight));
        }
        // A keyed area with positive weight in every year, so the remainder always has somewhere to go.
        long[] anchorBudget = { 500_000_000L, 510_000_000L, 520_000_000L, 530_000_000L };
        areas.add(new AllocationCalculator.Area("ZZ", anchorBudget, false, null, null, null,
                key == AllocationKey.CUSTOM ? BigDecimal.ONE : null));
        for (int y = 0; y < YEARS.size(); y++) {
            budgetTotals[y] += anchorBudget[y];
        }
        long[] totals = new long[YEARS.size()];
        for (int y = 0; y < totals.length; y++) {
            long target = (long) (budgetTotals[y] * random.nextDouble() * 0.03);
            totals[y] = target / unit * unit;
        }
        // Manual amounts for a few areas, never more than 60 % of the year's target.
        for (int i = 0; i < areas.size() - 1; i++) {
            AllocationCalculator.Area area = areas.get(i);
            if (area.exempt() || random.nextInt(8) != 0) {
                continue;
            }
            Long[] manual = new Long[YEARS.size()];
            for (int y = 0; y < manual.length; y++) {
                if (random.nextBoolean()) {
                    long room = totals[y] * 6 / 10 - manualSum(areas, y);
                    manual[y] = room <= 0 ? 0L : (long) (random.nextDouble() * room) / unit * unit;
                }
            }
            areas.set(i, new AllocationCalculator.Area(area.code(), area.budget(), false, area.reductionFactor(), manual,
                    area.spendingIndex(), area.customWeight()));
        }
        DifferentiatedFunction function = new DifferentiatedFunction(BigDecimal.valueOf(random.nextInt(30), 1),
                BigDecimal.valueOf(random.nextInt(10), 1), BigDecimal.valueOf(10 + random.nextInt(15), 1));
        return new AllocationCalculator.Problem(YEARS, totals, unit, key, function, areas);
    }

    private static long manualSum(List<AllocationCalculator.Area> areas, int y) {
        long sum = 0;
        for (AllocationCalculator.Area area : areas) {
            if (area.manual() != null && area.manual()[y] != null) {
                sum += area.manual()[y];
            }
        }
        return sum;
    }

    // --- helpers ---

    private static AllocationCalculator.Area area(String code, long budget) {
        return new AllocationCalculator.Area(code, new long[] { budget }, false, null, null, null, null);
    }

    private static AllocationCalculator.Problem problem(long[] totals, long unit, AllocationKey key,
            AllocationCalculator.Area... areas) {
        return new AllocationCalculator.Problem(List.of(2027), totals, unit, key,
                new DifferentiatedFunction(BigDecimal.ONE, new BigDecimal("0.5"), new BigDecimal("1.5")), List.of(areas));
    }

    private static List<Long> amounts(AllocationCalculator.Result result, int y) {
        return result.areas().stream().map(a -> a.amounts()[y]).toList();
    }

    private static Map<String, long[]> byCode(AllocationCalculator.Result result) {
        Map<String, long[]> byCode = new HashMap<>();
        result.areas().forEach(a -> byCode.put(a.code(), a.amounts()));
        return byCode;
    }

    private static void assertRule(String rule, Runnable call) {
        try {
            call.run();
            fail("expected rule " + rule);
        } catch (AllocationException e) {
            assertEquals(rule, e.rule(), e.getMessage());
        }
    }
}
