package dk.raaderum.followup.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalInt;

/** The payback rule: year 1 is the first year with an investment cost; payback when cumulative gains reach costs. */
class BusinessCaseTest {

    @Test
    void paybackIsTheFirstYearWhoseCumulativeGainsReachTheCumulativeCosts() {
        // 1.5 mio. kr. in 2022; 300,000 + 700,000 + 700,000 = 1,700,000 ≥ 1,500,000 at the end of 2024: year 3
        assertEquals(OptionalInt.of(3), BusinessCase.paybackYears(Map.of(2022, 1_500_000L),
                Map.of(2022, 300_000L, 2023, 700_000L, 2024, 700_000L, 2025, 700_000L)));
    }

    @Test
    void gainsThatExactlyEqualTheCostsPayBackInThatYear() {
        assertEquals(OptionalInt.of(2), BusinessCase.paybackYears(Map.of(2022, 1_000_000L),
                Map.of(2022, 400_000L, 2023, 600_000L)));
        assertEquals(OptionalInt.of(1), BusinessCase.paybackYears(Map.of(2021, 400_000L), Map.of(2021, 400_000L)));
    }

    @Test
    void oneKroneShortIsNotYetPaidBack() {
        assertEquals(OptionalInt.of(3), BusinessCase.paybackYears(Map.of(2022, 1_000_000L),
                Map.of(2022, 400_000L, 2023, 599_999L, 2024, 1L)));
    }

    @Test
    void costsSpreadOverYearsCountCumulatively() {
        // costs 2021: 1,000,000 and 2022: 2,000,000; gains 2022: 1,000,000, 2023: 1,500,000, 2024: 1,000,000
        // cumulative: 2021 0 < 1.0 mio.; 2022 1.0 < 3.0; 2023 2.5 < 3.0; 2024 3.5 ≥ 3.0: year 4
        assertEquals(OptionalInt.of(4), BusinessCase.paybackYears(Map.of(2021, 1_000_000L, 2022, 2_000_000L),
                Map.of(2022, 1_000_000L, 2023, 1_500_000L, 2024, 1_000_000L)));
    }

    @Test
    void theFirstYearThatHoldsCountsEvenWhenALaterCostFollows() {
        // paid back at the end of 2023 (year 2); the investment of 2024 does not move it
        assertEquals(OptionalInt.of(2), BusinessCase.paybackYears(Map.of(2022, 100L, 2024, 1_000L),
                Map.of(2023, 100L)));
    }

    @Test
    void yearsWithoutAmountsInBetweenCountAsYears() {
        assertEquals(OptionalInt.of(4), BusinessCase.paybackYears(Map.of(2022, 900L), Map.of(2025, 900L)));
    }

    @Test
    void countingStartsAtTheFirstYearWithACostNotAtAYearOfZeroCost() {
        assertEquals(OptionalInt.of(1), BusinessCase.paybackYears(Map.of(2021, 0L, 2022, 500L), Map.of(2022, 500L)));
    }

    @Test
    void gainsThatNeverReachTheCostsHaveNoPayback() {
        assertEquals(OptionalInt.empty(), BusinessCase.paybackYears(Map.of(2022, 1_000_000L),
                Map.of(2022, 200_000L, 2023, 200_000L)));
        assertEquals(OptionalInt.empty(), BusinessCase.paybackYears(Map.of(2022, 1L), Map.of()));
    }

    @Test
    void withoutAnInvestmentCostThereIsNoPayback() {
        assertEquals(OptionalInt.empty(), BusinessCase.paybackYears(Map.of(), Map.of(2022, 100L)));
        assertEquals(OptionalInt.empty(), BusinessCase.paybackYears(Map.of(2022, 0L), Map.of(2022, 100L)));
    }

    @Test
    void theLargestAmountsStayExact() {
        long max = 1_000_000_000_000L;
        assertEquals(OptionalInt.of(10), BusinessCase.paybackYears(Map.of(2022, max, 2023, max, 2024, max),
                Map.of(2031, 3 * max)));
    }
}
