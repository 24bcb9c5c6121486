package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.BenefitReport;
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
    /** The warning of a report written before PL-regulering whose realised amount was at another level. */
    static final String WARNING_NOT_CONVERTED = "price-level-not-recorded";

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

    /** The year converted from, null when nothing was (one conversion: a report's). */
    Integer convertedFrom() {
        return convertedFrom.isEmpty() ? null : convertedFrom.first();
    }

    /** Why an amount was not converted, null when all were. */
    String warning() {
        return warning;
    }

    /** The level of a stored report version, as it was reported. */
    static RatioLevelView ofReport(BenefitReport r, int initiativeLevel) {
        if (r.priceLevelYear == null) {
            return new RatioLevelView(initiativeLevel, null, WARNING_NOT_CONVERTED + ": reported before PL-regulering;"
                    + " the ratio compares the realised amount at " + r.year + " prices as reported");
        }
        List<Integer> from = r.convertedFrom == null ? List.of() : List.of(r.convertedFrom);
        return new RatioLevelView(r.priceLevelYear, r.priceLevelWarning == null ? from : null, r.priceLevelWarning);
    }

    RatioLevelView view() {
        return new RatioLevelView(level, warning == null ? List.copyOf(convertedFrom) : null, warning);
    }
}
