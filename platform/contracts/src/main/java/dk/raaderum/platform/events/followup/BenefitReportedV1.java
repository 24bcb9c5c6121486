package dk.raaderum.platform.events.followup;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code dk.raaderum.benefit.reported.v1} on {@code benefit.reported}: a program owner or finance officer reported the
 * realised gain of an initiative for one year (a correction is a new report version). Keyed by the initiative id.
 *
 * @param period the report slot: {@code 2027}, or {@code 2027-Q2} with the quarterly cadence (then expected and
 *        realised are the quarter's)
 * @param expected the expected gain of the period in whole kroner (room created, positive), at the initiative's price
 *        level
 * @param realised the realised gain of the period in whole kroner, as reported: at the prices of {@code year}
 * @param ratio realised PL-regulated to the initiative's price level / expected, four decimals (null when nothing was
 *        expected; unconverted when the price index lacks a year)
 * @param evidenceLevel DOCUMENTED, PROBABLE or ESTIMATE
 * @param status GREEN, AMBER or RED by the municipality's thresholds
 * @param proposalId the adopted proposal the initiative follows up (added to v1; null for an initiative registered
 *        by hand, and in events written before)
 */
public record BenefitReportedV1(
        long initiativeId,
        String title,
        String areaCode,
        int catalogYear,
        int year,
        String period,
        int reportVersion,
        long expected,
        long realised,
        BigDecimal ratio,
        String evidenceLevel,
        String status,
        Instant reportedAt,
        Long proposalId) {
}
