package dk.raaderum.platform.events.target;

import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.YearAmount;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code dk.raaderum.budget-adjustments.changed.v1} on {@code budget-adjustments.changed}, key =
 * {@code <municipality>:<budgetYear>}: every technical budget adjustment line of one municipality's budget year as it
 * stands now (a line added, changed or removed publishes the whole set; consumers keep the highest revision).
 *
 * <p>A technical adjustment changes an area's frame for reasons outside the area's control: price and wage (PL),
 * demography, new legislation (DUT). A line either is compensated (the area's frame grows by it) or not: the lines not
 * compensated are "the quiet path" of the five-paths plan, quantified.
 *
 * @param revision 1, 2, … per municipality and budget year
 * @param lines the lines; an empty list when the last line was removed
 */
public record BudgetAdjustmentsChangedV1(
        String municipalityCode,
        int budgetYear,
        int priceLevelYear,
        long revision,
        List<Line> lines,
        Instant changedAt) {

    /** Kinds of line. */
    public static final String PRICE_WAGE = "PRICE_WAGE";
    public static final String DEMOGRAPHY = "DEMOGRAPHY";
    public static final String LEGISLATION = "LEGISLATION";

    /**
     * One adjustment.
     *
     * @param kind {@link #PRICE_WAGE}, {@link #DEMOGRAPHY} or {@link #LEGISLATION}
     * @param area the policy area it adjusts
     * @param dated when it was decided or calculated
     * @param amounts the change of the area's expenses per year in whole kroner (positive = the area needs more)
     * @param compensated true when the area's frame is adjusted by it; false when the area must absorb it (the quiet path)
     */
    public record Line(long lineId, String kind, PolicyAreaRef area, LocalDate dated, String description,
            List<YearAmount> amounts, boolean compensated) {
    }
}
