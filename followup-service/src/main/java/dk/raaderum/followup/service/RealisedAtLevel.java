package dk.raaderum.followup.service;

import dk.raaderum.followup.service.InitiativeModels.RatioLevelView;
import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.events.PriceLevelMissingException;

import java.util.List;
import java.util.TreeSet;

/**
 * The realisation ratio of the register (a report, a slot, a year, an initiative's totals) compares like with like:
 * the expectation is at the initiative's price level (its catalog's), a report at the prices of the year it reports
 * on, so the realised amount is converted to the initiative's level with the municipality's price index (exact, half
 * even to whole kroner) before it is compared. Every figure of an initiative is then at one level, its own.
 *
 * <p>The register never refuses for want of an index (a report is accepted, an initiative can always be read): when
 * the index lacks a year, the amount is compared as stated and the level says so ({@code convertedFrom} null and a
 * {@value #WARNING_PRICE_LEVEL_MISSING} warning naming the year). Collects the levels converted from; not thread-safe,
 * one per answer.
 */
final class RealisedAtLevel {

    /** The warning's code when the index lacks a year the conversion needs (the problem type's name elsewhere). */
    static final String WARNING_PRICE_LEVEL_MISSING = "price-level-missing";

    private final PriceIndex index;
    private final int level;
    private final TreeSet<Integer> convertedFrom = new TreeSet<>();
    private String warning;

    RealisedAtLevel(PriceIndex index, int level) {
        this.index = index;
        this.level = level;
    }

    /** {@code realised} (at {@code year}'s prices) at the initiative's level; as stated when the index cannot. */
    long convert(long realised, int year) {
        if (year == level) {
            return realised;
        }
        try {
            long converted = index.convert(realised, year, level);
            convertedFrom.add(year);
            return converted;
        } catch (PriceLevelMissingException | ArithmeticException e) {
            warning = WARNING_PRICE_LEVEL_MISSING + ": " + e.getMessage()
                    + ". The ratio compares the realised amount as reported, at " + year + " prices";
            return realised;
        }
    }

    /** Takes in what {@code other} (of the same level) converted from, and its warning. */
    RealisedAtLevel include(RealisedAtLevel other) {
        convertedFrom.addAll(other.convertedFrom);
        if (other.warning != null) {
            warning = other.warning;
        }
        return this;
    }

    RatioLevelView view() {
        return new RatioLevelView(level, warning == null ? List.copyOf(convertedFrom) : null, warning);
    }
}
