package dk.raaderum.proposal.service.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1.KeyFigure;
import dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1.YearValue;
import dk.raaderum.proposal.service.simulation.SimulationModels.PolicyFigure;
import dk.raaderum.proposal.service.simulation.SimulationModels.PolicyStatus;
import dk.raaderum.proposal.service.simulation.SimulationModels.PolicyYear;
import dk.raaderum.proposal.service.simulation.SimulationModels.Warning;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

/** The economic policy check as a pure computation (Halsnæs-like: room 1.5 % of the operating budget). */
class PolicyCheckTest {

    private static final List<Integer> YEARS = List.of(2027, 2028, 2029, 2030);
    private static final long[] NONE = new long[4];
    private static final PolicyStatus HELD = PolicyStatus.HELD;
    private static final PolicyStatus BREACHED = PolicyStatus.BREACHED;

    @Test
    void roomOfOnePointFivePercentIsHeldByEnoughNetRoomAndBreachedByLessWithTheExactShortfall() {
        KeyFigure room = figure("room", "ROOM", "PERCENT", "AT_LEAST", all("1.5"), null, all("100000000"));
        PolicyCheck.Output output = PolicyCheck.check(new PolicyCheck.Input(YEARS, List.of(room),
                new long[] { 1_500_000, 1_250_000, 2_000_000, 0 }, NONE, NONE));

        List<PolicyYear> years = output.figures().get(0).years();
        assertEquals(List.of(HELD, BREACHED, HELD, BREACHED), years.stream().map(PolicyYear::status).toList());
        assertEquals(new BigDecimal("1500000"), years.get(1).bound());
        assertEquals(new BigDecimal("1.5"), years.get(1).boundPercent());
        assertEquals(new BigDecimal("1250000"), years.get(1).value());
        assertEquals(new BigDecimal("250000"), years.get(1).breachedBy());
        assertEquals(BigDecimal.ZERO, years.get(0).breachedBy());
        assertEquals(List.of(PolicyCheck.POLICY_BOUND_BREACHED, PolicyCheck.POLICY_BOUND_BREACHED),
                output.warnings().stream().map(Warning::code).toList());
        assertContains(output.warnings().get(0).message(), "room", "2028", "1.250.000 kr. is below the floor 1.500.000 kr."
                + " (1,5 %) by 250.000 kr.");
        assertContains(output.warnings().get(1).message(), "room", "2030", "by 1.500.000 kr.");
    }

    @Test
    void aPercentBoundOfAnOddBasisIsWholeKronerHalfUpAsTargetServiceShowsIt() {
        // 1.5 % of 123,456,789 = 1,851,851.835 → 1,851,852: a value 1,851,851 misses it by 1 kr., one 1,851,852 holds
        KeyFigure room = figure("room", "ROOM", "PERCENT", "AT_LEAST", all("1.5"), null, all("123456789"));
        List<PolicyYear> years = PolicyCheck.check(new PolicyCheck.Input(YEARS, List.of(room),
                new long[] { 1_851_851, 1_851_852, 0, 0 }, NONE, NONE)).figures().get(0).years();

        assertEquals(new BigDecimal("1851852"), years.get(0).bound());
        assertEquals(new BigDecimal("1"), years.get(0).breachedBy());
        assertEquals(BREACHED, years.get(0).status());
        assertEquals(HELD, years.get(1).status());
    }

    @Test
    void cashHoldingsAccumulateNetRoomBorrowingAndInstalmentsOverTheYears() {
        KeyFigure cash = figure("cash-holdings", "CASH_HOLDINGS", "KRONER", "AT_LEAST", all("100000000"),
                all("101000000"), null);
        PolicyFigure result = PolicyCheck.check(new PolicyCheck.Input(YEARS, List.of(cash),
                new long[] { -500_000, -500_000, -500_000, 1_000_000 }, new long[] { 0, 1_000_000, 0, 0 },
                new long[] { 0, 0, 2_000_000, 0 })).figures().get(0);

        // cumulative effect: −0.5; −0.5 − 0.5 + 1.0; 0 − 0.5 − 2.0; −2.5 + 1.0 (mio.)
        assertEquals(List.of(-500_000L, 0L, -2_500_000L, -1_500_000L),
                result.years().stream().map(y -> y.effect().longValueExact()).toList());
        assertEquals(List.of(HELD, HELD, BREACHED, BREACHED), result.years().stream().map(PolicyYear::status).toList());
        assertEquals(new BigDecimal("1500000"), result.years().get(2).breachedBy());
    }

    @Test
    void longTermDebtIsACeilingMovedOnlyByBorrowingAndInstalments() {
        KeyFigure debt = figure("long-term-debt", "LONG_TERM_DEBT", "KRONER", "AT_MOST", all("500000000"),
                all("495000000"), null);
        PolicyFigure result = PolicyCheck.check(new PolicyCheck.Input(YEARS, List.of(debt),
                new long[] { 9_000_000, 9_000_000, 9_000_000, 9_000_000 }, new long[] { 4_000_000, 4_000_000, 0, 0 },
                new long[] { 1_000_000, 1_000_000, 1_000_000, 1_000_000 })).figures().get(0);

        assertEquals(List.of(498_000_000L, 501_000_000L, 500_000_000L, 499_000_000L),
                result.years().stream().map(y -> y.value().longValueExact()).toList());
        assertEquals(List.of(HELD, BREACHED, HELD, HELD), result.years().stream().map(PolicyYear::status).toList());
        assertEquals(new BigDecimal("1000000"), result.years().get(1).breachedBy());
    }

    @Test
    void theServiceBufferMovesByTheYearsNetRoomAndOtherFiguresNotAtAll() {
        KeyFigure buffer = figure("service-buffer", "SERVICE_BUFFER", "KRONER", "AT_LEAST", all("50000000"),
                all("49500000"), null);
        KeyFigure other = figure("tax-rate", "OTHER", "KRONER", "AT_MOST", all("10"), all("11"), null);
        PolicyCheck.Output output = PolicyCheck.check(new PolicyCheck.Input(YEARS, List.of(buffer, other),
                new long[] { 500_000, 400_000, 500_000, 600_000 }, NONE, NONE));

        assertEquals(List.of(HELD, BREACHED, HELD, HELD),
                output.figures().get(0).years().stream().map(PolicyYear::status).toList());
        for (PolicyYear year : output.figures().get(1).years()) {
            assertEquals(BigDecimal.ZERO, year.effect());
            assertEquals(BREACHED, year.status());
        }
        assertEquals(5, output.warnings().size());
    }

    @Test
    void aYearThePolicyDoesNotBoundIsNotChecked() {
        KeyFigure room = figure("room", "ROOM", "KRONER", "AT_LEAST", List.of(new YearValue(2028, BigDecimal.ONE)),
                null, null);
        PolicyFigure result = PolicyCheck.check(new PolicyCheck.Input(YEARS, List.of(room), NONE, NONE, NONE))
                .figures().get(0);

        assertEquals(List.of(2028), result.years().stream().map(PolicyYear::year).toList());
        assertNull(result.years().get(0).boundPercent());
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "«" + text + "» should name " + part);
        }
    }

    private static KeyFigure figure(String key, String kind, String unit, String boundType, List<YearValue> bounds,
            List<YearValue> baseline, List<YearValue> basis) {
        return new KeyFigure(key, key, kind, unit, boundType, bounds, baseline, basis);
    }

    private static List<YearValue> all(String value) {
        return YEARS.stream().map(year -> new YearValue(year, new BigDecimal(value))).toList();
    }
}
