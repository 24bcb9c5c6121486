package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.YearRealisation;
import dk.raaderum.followup.repository.FigureRepository.InitiativeYearRow;
import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.web.problem.ProblemException;

/**
 * PL-regulering of the dashboard: an initiative-year's figures at one stated price level. What the budget took out and
 * what is expected (adopted, expected, expected of the reported periods, gains at risk) are at the initiative's price
 * level (its catalog's); a report is at the prices of the year it reports on. Both are converted to the level, so the
 * realisation rate compares like with like; gains at risk follow {@link YearRealisation}'s rule on the converted
 * amounts (adopted − realised − expected of pending periods, never below 0). Exact, half even to whole kroner ({@link PriceIndex#convert}); a year
 * the index lacks is 422 {@code price-level-missing} naming it.
 */
final class DashboardPriceLevels {

    /** A converted amount would be beyond the bound of every amount. */
    static final String RULE_AMOUNT_BOUND = "amount-bound";

    private DashboardPriceLevels() {
    }

    /** The row of {@code year} at {@code level}'s prices. */
    static InitiativeYearRow atLevel(InitiativeYearRow row, PriceIndex index, int year, int level) {
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

    private static long convert(PriceIndex index, long amount, int from, int to) {
        try {
            return index.convert(amount, from, to);
        } catch (ArithmeticException beyond) {
            throw ProblemException.ruleViolation(RULE_AMOUNT_BOUND, beyond.getMessage());
        }
    }
}
