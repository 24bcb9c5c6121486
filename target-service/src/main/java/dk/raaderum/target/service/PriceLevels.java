package dk.raaderum.target.service;

import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.events.PriceLevelMissingException;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.target.domain.BaseBudget;
import dk.raaderum.target.domain.MunicipalPriceIndex;
import dk.raaderum.target.repository.PriceIndexRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The municipality's effective price index (the platform's default, KL's PL for service expenses, overlaid with the
 * municipality's own years) and the PL-regulering that coverage and the five-paths plan do with it: everything is
 * converted to the price level of the budget year's base budget ({@link #statedLevel}).
 */
@ApplicationScoped
public class PriceLevels {

    /** A converted amount would be beyond the bound of every amount. */
    public static final String RULE_AMOUNT_BOUND = "amount-bound";

    private final PriceIndexRepository indices;

    public PriceLevels(PriceIndexRepository indices) {
        this.indices = indices;
    }

    /**
     * The level a budget year's coverage and five-paths plan are stated at: its base budget's (the level its targets
     * are allocated at); the budget year itself without a budget.
     */
    static int statedLevel(BaseBudget budget, int budgetYear) {
        return budget == null ? budgetYear : budget.priceLevelYear;
    }

    public PriceIndex effective(String municipality) {
        MunicipalPriceIndex own = indices.findById(municipality);
        return own == null ? PriceIndex.klDefault() : PriceIndex.klDefault().overlaidWith(own.years);
    }

    /**
     * {@code amount} at {@code to}'s prices; unchanged when {@code from} is null or the index lacks a year. Used where
     * coverage is kept up to date from events (a missing year must not stop a partition): the reads then answer 422
     * {@code price-level-missing} ({@link #requireConvertible}) until the year is added, and adding it recomputes.
     */
    static long convertOrKeep(PriceIndex index, long amount, Integer from, int to) {
        if (from == null) {
            return amount;
        }
        try {
            return index.convert(amount, from, to);
        } catch (PriceLevelMissingException | ArithmeticException notConvertible) {
            return amount;
        }
    }

    /**
     * {@code amount} at {@code to}'s prices, for an answer: 422 {@code price-level-missing} naming a missing year, 422
     * rule {@code amount-bound} when the result is beyond {@link YearAmount#MAX_ABS}.
     */
    static long convert(PriceIndex index, long amount, int from, int to) {
        try {
            return index.convert(amount, from, to);
        } catch (ArithmeticException beyond) {
            throw ProblemException.ruleViolation(RULE_AMOUNT_BOUND, beyond.getMessage());
        }
    }

    /** Each amount at {@code to}'s prices ({@link #convert}); a copy, unchanged when {@code from} is null. */
    static long[] convertAll(PriceIndex index, long[] amounts, Integer from, int to) {
        long[] converted = amounts.clone();
        if (from != null) {
            for (int i = 0; i < amounts.length; i++) {
                converted[i] = convert(index, amounts[i], from, to);
            }
        }
        return converted;
    }

    /**
     * The levels among {@code from} that differ from {@code to}, ascending; {@link PriceLevelMissingException} (422)
     * naming the first year the index lacks.
     */
    static List<Integer> requireConvertible(PriceIndex index, Collection<Integer> from, int to) {
        List<Integer> converted = from.stream().filter(Objects::nonNull).filter(year -> year != to).distinct().sorted()
                .toList();
        for (int year : converted) {
            index.index(year);
        }
        if (!converted.isEmpty()) {
            index.index(to);
        }
        return converted;
    }
}
