package dk.raaderum.platform.events.target;

import java.math.BigDecimal;

/**
 * {@code dk.raaderum.target.coverage-changed.v1} on {@code target.coverage-changed}: the room from adopted proposals
 * in a policy area reached its target for a year ({@code REACHED}) or fell below it again ({@code FELL_BELOW}).
 * Keyed by {@code <municipality>:<budgetYear>:<areaCode>}.
 *
 * @param coveragePercent covered / target × 100, two decimals
 */
public record CoverageChangedV1(
        int budgetYear,
        String areaCode,
        int year,
        long target,
        long covered,
        BigDecimal coveragePercent,
        String change) {
}
