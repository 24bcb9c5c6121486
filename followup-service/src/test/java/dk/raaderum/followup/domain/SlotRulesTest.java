package dk.raaderum.followup.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/** How a cadence turns an expected year into report slots. */
class SlotRulesTest {

    private static final SlotRules YEARLY = new SlotRules(Cadence.YEARLY, MonthDay.of(4, 1), 45);
    private static final SlotRules QUARTERLY = new SlotRules(Cadence.QUARTERLY, MonthDay.of(4, 1), 45);

    @Test
    void yearlySlotIsDueOnTheDayOfTheFollowingYear() {
        assertEquals(List.of(new PlannedSlot(2027, null, "2027", 1_000_000, LocalDate.of(2028, 4, 1))),
                YEARLY.plan(2027, 1_000_000));
    }

    @Test
    void leapDayFallsBackToTheLastDayOfFebruary() {
        SlotRules leap = new SlotRules(Cadence.YEARLY, MonthDay.of(2, 29), 45);
        assertEquals(LocalDate.of(2028, 2, 29), leap.plan(2027, 1).get(0).dueDate());
        assertEquals(LocalDate.of(2029, 2, 28), leap.plan(2028, 1).get(0).dueDate());
    }

    @Test
    void quartersSplitTheGainEvenlyWithTheRemainderFirstAndAreDueAfterTheQuarter() {
        List<PlannedSlot> slots = QUARTERLY.plan(2027, 1_000_002);
        assertEquals(List.of("2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"), slots.stream().map(PlannedSlot::period).toList());
        assertEquals(List.of(250_001L, 250_001L, 250_000L, 250_000L), slots.stream().map(PlannedSlot::expected).toList());
        assertEquals(List.of(LocalDate.of(2027, 5, 15), LocalDate.of(2027, 8, 14), LocalDate.of(2027, 11, 14),
                LocalDate.of(2028, 2, 14)), slots.stream().map(PlannedSlot::dueDate).toList());
    }

    @Test
    void quartersWithNothingExpectedGetNoSlot() {
        assertEquals(List.of("2027-Q1", "2027-Q2"), QUARTERLY.plan(2027, 2).stream().map(PlannedSlot::period).toList());
    }

    @Test
    void aYearWithoutPositiveGainHasNothingToReport() {
        assertTrue(YEARLY.plan(2027, 0).isEmpty());
        assertTrue(QUARTERLY.plan(2027, -400_000).isEmpty());
    }

    @Test
    void periodsBeginOnTheFirstDayOfTheYearOrQuarter() {
        assertEquals(LocalDate.of(2027, 1, 1), SlotRules.periodStart(2027, null));
        assertEquals(LocalDate.of(2027, 7, 1), SlotRules.periodStart(2027, 3));
    }
}
