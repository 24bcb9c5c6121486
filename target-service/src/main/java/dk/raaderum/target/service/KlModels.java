package dk.raaderum.target.service;

import java.math.BigDecimal;
import java.util.List;

/**
 * KL's aggregated, anonymised figures across municipalities: adopted targets only, no municipality codes, groups
 * smaller than the configured minimum suppressed.
 */
public final class KlModels {

    private KlModels() {
    }

    /** The spread of a figure over the municipalities (percent of the operating budget), two decimals. */
    public record Distribution(BigDecimal min, BigDecimal lowerQuartile, BigDecimal median, BigDecimal upperQuartile,
            BigDecimal max, BigDecimal mean) {
    }

    /** @param distribution null when fewer municipalities than the minimum group size */
    public record YearDistribution(int year, int municipalities, Distribution distribution) {
    }

    public record Count(String value, int targets) {
    }

    /**
     * @param municipalities municipalities with an adopted, allocated target for the budget year
     * @param suppressed true when they are fewer than {@code minGroupSize}: only the count is shown
     * @param requirementPercent per year the room required by a municipality's adopted targets, in percent of its
     *        total operating budget
     * @param withExemptionsPercent share of the targets whose allocation exempts or relieves at least one area
     */
    public record KlTargetSummary(int budgetYear, int municipalities, int targets, int minGroupSize, boolean suppressed,
            List<YearDistribution> requirementPercent, List<Count> byKey, List<Count> byResponsibleBody,
            List<Count> byKind, List<Count> byMode, BigDecimal withExemptionsPercent) {
    }

    /** @param suppressed true when fewer municipalities than the minimum group size: amounts are null */
    public record KlCoverageYear(int year, int municipalities, boolean suppressed, Long target, Long covered,
            BigDecimal coveragePercent, Integer areasReached, Integer areas) {
    }

    /** @param mainAccount 0–6 of the municipal chart of accounts; null = all areas */
    public record KlMainAccount(Integer mainAccount, String name, List<KlCoverageYear> years) {
    }

    public record KlCoverage(int budgetYear, int minGroupSize, List<KlMainAccount> mainAccounts) {
    }
}
