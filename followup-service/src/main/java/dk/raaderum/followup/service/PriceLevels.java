package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.YearRealisation;
import dk.raaderum.followup.repository.FigureRepository.InitiativeYearRow;
import dk.raaderum.followup.service.FigureModels.NotConverted;
import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.events.PriceLevelMissingException;
import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.platform.web.municipality.Municipality;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.problem.ProblemTypes;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * PL-regulering of the figures (dashboard, KL's overview, open data): amounts at one stated price level. What the
 * budget took out and what is expected (adopted, expected, expected of the reported periods, gains at risk) are at the
 * initiative's price level (its catalog's); a report is at the prices of the year it reports on. Both are converted to
 * the level, so the realisation rate compares like with like; gains at risk follow {@link YearRealisation}'s rule on
 * the converted amounts (adopted − realised − expected of pending periods, never below 0). Exact, half even to whole
 * kroner ({@link PriceIndex#convert}); a year the index lacks is 422 {@code price-level-missing} naming it on a
 * municipality's own dashboard, and leaves the municipality out of answers across municipalities ({@link LeftOut}).
 */
final class PriceLevels {

    /** A converted amount would be beyond the bound of every amount. */
    static final String RULE_AMOUNT_BOUND = "amount-bound";
    /** The CSV columns that state the level: the level, then the levels converted from ({@link #csv}). */
    static final List<String> CSV_HEADER = List.of("Prisniveau", "Omregnet fra");

    private PriceLevels() {
    }

    /** The level asked for, by default the year followed up (the same default everywhere). */
    static int level(Integer priceLevelYear, int yearFollowedUp) {
        return priceLevelYear == null ? yearFollowedUp : priceLevelYear;
    }

    /**
     * The levels {@code rows} of {@code year} are converted from to {@code level}, ascending: their initiatives' price
     * levels and, when any has a report, the year itself (reports are at the prices of their year).
     */
    static List<Integer> convertedFrom(Collection<InitiativeYearRow> rows, int year, int level) {
        TreeSet<Integer> from = new TreeSet<>();
        rows.forEach(row -> from.add(row.priceLevelYear()));
        if (rows.stream().anyMatch(row -> row.reportedSlots() > 0)) {
            from.add(year);
        }
        from.remove(level);
        return List.copyOf(from);
    }

    /** The cells of {@link #CSV_HEADER}: the level and the levels converted from, separated by spaces. */
    static List<Object> csv(int level, List<Integer> convertedFrom) {
        return List.of(level, String.join(" ", convertedFrom.stream().map(String::valueOf).toList()));
    }

    /**
     * The row of {@code year} at {@code level}'s prices; 422 {@code amount-bound} naming the initiative (its
     * {@code initiativeId}) when an amount of it would pass the bound of every amount.
     */
    static InitiativeYearRow atLevel(InitiativeYearRow row, PriceIndex index, int year, int level) {
        try {
            return converted(row, index, year, level);
        } catch (ProblemException beyond) {
            throw ProblemException.ruleViolation(RULE_AMOUNT_BOUND, "Initiative " + row.initiativeId() + " ('"
                    + row.title() + "') cannot be stated at " + level + " prices: " + beyond.getMessage()
                    + "; ask for its own price level (priceLevelYear=" + row.priceLevelYear() + ")")
                    .with("initiativeId", row.initiativeId());
        }
    }

    private static InitiativeYearRow converted(InitiativeYearRow row, PriceIndex index, int year, int level) {
        int from = row.priceLevelYear();
        long adopted = convert(index, row.adopted(), from, level);
        long realised = convert(index, row.realised(), year, level);
        long pending = convert(index, row.pendingExpected(), from, level);
        // an investment's cost is converted, its gain is the rest of the converted net: the two still add up to it
        Long cost = row.hasProfile() ? convert(index, row.investmentCost(), from, level) : null;
        Long gain = cost == null ? null : Math.addExact(adopted, cost);
        return new InitiativeYearRow(row.initiativeId(), row.municipality(), row.title(), row.areaCode(),
                row.areaName(), row.mainAccount(), row.type(), row.catalogYear(), row.status(), adopted,
                convert(index, row.expected(), from, level), convert(index, row.expectedReported(), from, level),
                realised, row.reportedSlots(), row.overdueSlots(), row.pendingSlots(),
                YearRealisation.gainsAtRisk(adopted, Math.addExact(realised, pending)), gain, cost, level, pending);
    }

    /**
     * The municipalities an answer across municipalities leaves out because their amounts cannot be stated at its
     * level: their price index lacks a year the amounts need, or a converted amount would pass the bound of every
     * amount. One municipality's data never fails KL's overview or the open data of all of them. Each is noted once,
     * with the first reason found.
     */
    static final class LeftOut {

        private final Map<String, NotConverted> byMunicipality = new TreeMap<>();

        /** The conversion's result, or null when the municipality's amounts cannot be converted (then noted). */
        <T> T attempt(String municipality, Supplier<T> conversion) {
            try {
                return conversion.get();
            } catch (PriceLevelMissingException missing) {
                note(municipality, ProblemTypes.PRICE_LEVEL_MISSING.slug(), missing.year());
            } catch (ArithmeticException beyond) {
                note(municipality, RULE_AMOUNT_BOUND, null);
            } catch (ProblemException broken) {
                if (!RULE_AMOUNT_BOUND.equals(broken.properties().get("rule"))) {
                    throw broken;
                }
                note(municipality, RULE_AMOUNT_BOUND, null);
            }
            return null;
        }

        private void note(String municipality, String reason, Integer missingYear) {
            byMunicipality.putIfAbsent(municipality, new NotConverted(municipality,
                    Municipalities.byCode(municipality).map(Municipality::name).orElse(municipality), reason,
                    missingYear));
        }

        List<NotConverted> list() {
            return List.copyOf(byMunicipality.values());
        }
    }

    /** {@code amount} at {@code from}'s prices at {@code to}'s; 422 {@code amount-bound} beyond the bound. */
    static long convert(PriceIndex index, long amount, int from, int to) {
        try {
            return index.convert(amount, from, to);
        } catch (ArithmeticException beyond) {
            throw ProblemException.ruleViolation(RULE_AMOUNT_BOUND, beyond.getMessage());
        }
    }
}
