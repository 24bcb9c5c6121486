package dk.raaderum.target.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.raaderum.target.domain.AdjustmentTotals.Line;
import dk.raaderum.target.domain.AdjustmentTotals.Totals;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The sums of technical adjustment lines, and the quiet path they make in the five-paths plan (pure). */
class AdjustmentTotalsTest {

    private static final List<Integer> YEARS = List.of(2027, 2028, 2029, 2030);

    @Test
    void linesAddUpPerKindAndSplitIntoCompensatedAndNot() {
        Totals totals = AdjustmentTotals.of(List.of(
                new Line(CompensationKind.PRICE_WAGE, false, new long[] { 1_800_000, 1_800_000, 1_800_000, 1_800_000 }),
                new Line(CompensationKind.DEMOGRAPHY, true, new long[] { 5_000_000, 6_000_000, 7_000_000, 8_000_000 }),
                new Line(CompensationKind.DEMOGRAPHY, false, new long[] { -200_000, 0, 0, 0 })), 4);
        assertArrayEquals(new long[] { 1_600_000, 1_800_000, 1_800_000, 1_800_000 }, totals.all().notCompensated());
        assertArrayEquals(new long[] { 5_000_000, 6_000_000, 7_000_000, 8_000_000 }, totals.all().compensated());
        assertArrayEquals(new long[] { 6_600_000, 7_800_000, 8_800_000, 9_800_000 }, totals.all().total());
        assertArrayEquals(new long[] { -200_000, 0, 0, 0 },
                totals.byKind().get(CompensationKind.DEMOGRAPHY).notCompensated());
        assertArrayEquals(new long[4], totals.byKind().get(CompensationKind.LEGISLATION).total());
        assertEquals(Set.of(CompensationKind.values()), totals.byKind().keySet());
    }

    @Test
    void aLineStatesEachOfTheFourYearsOnce() {
        assertEquals(List.of(), AdjustmentTotals.checkYears(2027, YEARS, "amounts"));
        List<RuleBreach> breaches = AdjustmentTotals.checkYears(2027, List.of(2027, 2027, 2031), "amounts");
        assertEquals(List.of("amounts[1].year", "amounts[2].year", "amounts"),
                breaches.stream().map(RuleBreach::field).toList());
        assertEquals(Set.of(AdjustmentTotals.YEARS), Set.copyOf(breaches.stream().map(RuleBreach::rule).toList()));
    }

    private static FivePaths.Input input(List<FivePaths.Absorbed> absorbed) {
        Map<String, long[]> budgets = new LinkedHashMap<>();
        budgets.put("ADM", new long[] { 100_000_000, 100_000_000, 100_000_000, 100_000_000 });
        BigDecimal two = BigDecimal.valueOf(2);
        return new FivePaths.Input(YEARS, null, budgets, List.of(new FivePaths.Withholding("ADM",
                CompensationKind.PRICE_WAGE, new BigDecimal[] { two, two, two, two })), absorbed, null, Set.of(),
                List.of(), List.of());
    }

    private static long[] quiet(FivePaths.Result result) {
        return result.paths().stream().filter(p -> p.path() == RoomPath.QUIET).findFirst().orElseThrow().amounts();
    }

    @Test
    void withoutLinesTheQuietPathIsThePlansPercentages() {
        assertArrayEquals(new long[] { 2_000_000, 2_000_000, 2_000_000, 2_000_000 },
                quiet(FivePaths.plan(input(null))));
    }

    @Test
    void withLinesTheLinesNotCompensatedWinOverThePercentages() {
        FivePaths.Result result = FivePaths.plan(input(List.of(
                new FivePaths.Absorbed("ADM", CompensationKind.PRICE_WAGE, "PL 2027", new long[] { 1_800_000, 1_800_000,
                        1_800_000, 1_800_000 }, null),
                new FivePaths.Absorbed("ÆLD", CompensationKind.LEGISLATION, "DUT", new long[] { 500_000, 0, 0, 0 },
                        2026))));
        assertArrayEquals(new long[] { 2_300_000, 1_800_000, 1_800_000, 1_800_000 }, quiet(result));
        assertEquals(List.of("ADM", "ÆLD"), result.paths().get(0).items().stream().map(FivePaths.Item::label).toList());
        assertEquals(2026, result.paths().get(0).items().get(1).convertedFrom());
        assertArrayEquals(new long[4], quiet(FivePaths.plan(input(List.of()))), "lines, all compensated: 0");
    }
}
