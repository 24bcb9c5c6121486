package dk.raaderum.target.domain;

import dk.raaderum.platform.events.PercentOf;
import dk.raaderum.platform.events.YearAmount;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The room a target requires per year of the horizon, from its kind and mode ({@link TargetKind},
 * {@link TargetMode}). A percent is of the year's total operating budget and is rounded half up to whole kroner.
 */
public final class TargetRequirement {

    /** 422 rule: a year's requirement would pass the bound of every amount. */
    public static final String RULE_AMOUNT_BOUND = "amount-bound";
    /** 422 rule: a percent target, the quiet and direct paths and an allocation need the year's base budget. */
    public static final String RULE_BASE_BUDGET_REQUIRED = "base-budget-required";

    private TargetRequirement() {
    }

    /** The years, each requirement within the bound of every amount ({@link YearAmount#MAX_ABS}), or 422 naming one. */
    public static List<Year> withinBound(List<Year> years) {
        for (Year year : years) {
            if (!YearAmount.withinBound(year.requirement())) {
                throw new AllocationException(RULE_AMOUNT_BOUND, "The requirement of " + year.year() + ", "
                        + year.requirement() + " kr., is beyond the bound of every amount (" + YearAmount.MAX_ABS
                        + " kr.)");
            }
        }
        return years;
    }

    /** What the target states for a year: a percent (PERCENT) or an amount (AMOUNT); years not stated are 0. */
    public record Stated(BigDecimal percent, Long amount) {
    }

    /**
     * @param newAmount the new target of the year in kroner (ANNUAL_NEW), or the year's figure (LEVEL)
     * @param requirement the room required in the year, in kroner
     * @param budgetTotal the total operating budget of the year, if known
     */
    public record Year(int year, BigDecimal percent, Long amount, long newAmount, long requirement, Long budgetTotal) {
    }

    /**
     * @param budgetTotals total operating budget per year; required for PERCENT targets
     */
    public static List<Year> resolve(TargetKind kind, TargetMode mode, List<Integer> years, Map<Integer, Stated> stated,
            Map<Integer, Long> budgetTotals) {
        List<Year> result = new ArrayList<>(years.size());
        long cumulative = 0;
        for (int year : years) {
            Stated figure = stated.get(year);
            Long total = budgetTotals == null ? null : budgetTotals.get(year);
            long amount;
            if (figure == null) {
                amount = 0;
            } else if (kind == TargetKind.PERCENT) {
                if (total == null) {
                    throw new AllocationException(RULE_BASE_BUDGET_REQUIRED,
                            "A percent target needs the base budget of "
                            + year + " to become an amount");
                }
                amount = figure.percent() == null ? 0 : PercentOf.kroner(figure.percent(), total);
            } else {
                amount = figure.amount() == null ? 0 : figure.amount();
            }
            cumulative = Math.addExact(cumulative, amount);
            long requirement = mode == TargetMode.ANNUAL_NEW ? cumulative : amount;
            result.add(new Year(year, figure == null ? null : figure.percent(), figure == null ? null : figure.amount(),
                    amount, requirement, total));
        }
        return result;
    }
}
