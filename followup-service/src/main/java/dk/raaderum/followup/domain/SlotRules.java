package dk.raaderum.followup.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a municipality's cadence turns an expected year into report slots.
 * <ul>
 * <li>YEARLY: one slot {@code "2027"} with the whole expected gain, due on {@code yearlyDue} of the next year
 * (29 February falls back to 28 February in other years).</li>
 * <li>QUARTERLY: slots {@code "2027-Q1"} … {@code "2027-Q4"}, the expected gain split evenly (the kroner that do not
 * divide go to the first quarters, a quarter with nothing expected gets no slot), each due
 * {@code quarterlyDueDays} days after its quarter ends.</li>
 * <li>A year with no positive expected gain gets no slot: there is nothing to realise.</li>
 * </ul>
 */
public record SlotRules(Cadence cadence, MonthDay yearlyDue, int quarterlyDueDays) {

    public SlotRules {
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(yearlyDue, "yearlyDue");
    }

    public List<PlannedSlot> plan(int year, long expected) {
        return plan(cadence, year, expected);
    }

    /** The plan with another cadence (a year keeps the cadence its slots were made with once one is overdue). */
    public List<PlannedSlot> plan(Cadence withCadence, int year, long expected) {
        if (expected <= 0) {
            return List.of();
        }
        if (withCadence == Cadence.YEARLY) {
            return List.of(new PlannedSlot(year, null, period(year, null), expected, yearlyDue.atYear(year + 1)));
        }
        List<PlannedSlot> slots = new ArrayList<>(4);
        long base = expected / 4;
        long remainder = expected % 4;
        for (int quarter = 1; quarter <= 4; quarter++) {
            long share = base + (quarter <= remainder ? 1 : 0);
            if (share > 0) {
                LocalDate quarterEnd = LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
                slots.add(new PlannedSlot(year, quarter, period(year, quarter), share, quarterEnd.plusDays(quarterlyDueDays)));
            }
        }
        return slots;
    }

    /** {@code "2027"} or {@code "2027-Q3"}. */
    public static String period(int year, Integer quarter) {
        return quarter == null ? Integer.toString(year) : year + "-Q" + quarter;
    }

    /** The first day of a period: 1 January, or the first day of the quarter. */
    public static LocalDate periodStart(int year, Integer quarter) {
        return LocalDate.of(year, quarter == null ? 1 : (quarter - 1) * 3 + 1, 1);
    }
}
