package dk.raaderum.target.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The sums of a budget year's technical adjustment lines, per kind and in all, split into what is compensated and what
 * is not (the quiet path), and the rule that a line states each of the four years once.
 */
public final class AdjustmentTotals {

    /** A line states an amount for each of the budget year's four years, once, and no other year. */
    public static final String YEARS = "adjustment-years";

    private AdjustmentTotals() {
    }

    /** A line as the sums see it. */
    public record Line(CompensationKind kind, boolean compensated, long[] amounts) {
    }

    /** Per year: compensated, not compensated (absorbed by the area: the quiet path) and both. */
    public record Sum(long[] compensated, long[] notCompensated, long[] total) {

        static Sum zero(int years) {
            return new Sum(new long[years], new long[years], new long[years]);
        }

        void add(Line line) {
            long[] side = line.compensated() ? compensated : notCompensated;
            for (int y = 0; y < total.length; y++) {
                side[y] = Math.addExact(side[y], line.amounts()[y]);
                total[y] = Math.addExact(total[y], line.amounts()[y]);
            }
        }
    }

    /** The sums per kind (every kind, zeros where there are no lines) and over all lines. */
    public record Totals(Map<CompensationKind, Sum> byKind, Sum all) {
    }

    public static Totals of(List<Line> lines, int years) {
        Map<CompensationKind, Sum> byKind = new EnumMap<>(CompensationKind.class);
        for (CompensationKind kind : CompensationKind.values()) {
            byKind.put(kind, Sum.zero(years));
        }
        Sum all = Sum.zero(years);
        for (Line line : lines) {
            byKind.get(line.kind()).add(line);
            all.add(line);
        }
        return new Totals(byKind, all);
    }

    /** The breaches of {@link #YEARS} in the given years of a line of {@code budgetYear} ({@code field} = "amounts"). */
    public static List<RuleBreach> checkYears(int budgetYear, List<Integer> given, String field) {
        return Horizon.eachYearOnce(YEARS, budgetYear, given, field);
    }
}
