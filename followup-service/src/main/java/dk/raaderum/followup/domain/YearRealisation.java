package dk.raaderum.followup.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an initiative realised in one year, from the year's adopted and expected amounts and its report slots. The
 * one place of these rules; {@link InitiativeYear} stores the result for dashboards and lists.
 *
 * <p><b>Gains at risk</b> ("taken out of the budget but not realised") = adopted − basis, never below 0, where the
 * basis is what is realised or still credibly expected: the realised amount of REPORTED slots, the expected amount
 * of PENDING slots, and nothing for OVERDUE slots (no report although due) and CLOSED slots (terminated, or
 * adjusted to nothing). An ADJUST that lowers a year's expectation therefore shows the gap to the budget at once.
 *
 * @param expectedReported expected amount of the REPORTED slots
 * @param realised realised amount of the REPORTED slots (latest versions)
 */
public record YearRealisation(int year, long adopted, long expected, long expectedReported, long realised,
        int reportedSlots, int overdueSlots, int pendingSlots, long gainsAtRisk) {

    public static YearRealisation of(InitiativeYear year, List<ReportSlot> slotsOfYear) {
        long expectedReported = 0;
        long realised = 0;
        long basis = 0;
        int reported = 0;
        int overdue = 0;
        int pending = 0;
        for (ReportSlot slot : slotsOfYear) {
            switch (slot.status) {
                case REPORTED -> {
                    long amount = slot.realised == null ? 0 : slot.realised;
                    reported++;
                    expectedReported += slot.expected;
                    realised = Math.addExact(realised, amount);
                    basis = Math.addExact(basis, amount);
                }
                case PENDING -> {
                    pending++;
                    basis += slot.expected;
                }
                case OVERDUE -> overdue++;
                case CLOSED -> {
                    // nothing realised, nothing more expected
                }
            }
        }
        return new YearRealisation(year.year, year.adopted, year.expected, expectedReported, realised, reported, overdue,
                pending, gainsAtRisk(year.adopted, basis));
    }

    public static long gainsAtRisk(long adopted, long basis) {
        return Math.max(0, adopted - basis);
    }

    public boolean hasReports() {
        return reportedSlots > 0;
    }

    /** Realised / expected over the reported slots; null without reports. */
    public BigDecimal ratio() {
        return hasReports() ? Thresholds.ratio(realised, expectedReported) : null;
    }
}
