package dk.raaderum.followup.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

/** Ratios, red/amber/green and gains at risk. */
class RealisationRulesTest {

    private static final Thresholds DEFAULT = new Thresholds(new BigDecimal("90"), new BigDecimal("60"));

    @Test
    void ratioHasFourDecimalsAndNeedsAnExpectation() {
        assertEquals(new BigDecimal("0.6667"), Thresholds.ratio(2, 3));
        assertEquals(new BigDecimal("-0.2500"), Thresholds.ratio(-50, 200));
        assertNull(Thresholds.ratio(100, 0));
    }

    @Test
    void thresholdsAreInclusive() {
        assertEquals(Rag.GREEN, DEFAULT.rag(new BigDecimal("0.9000")));
        assertEquals(Rag.AMBER, DEFAULT.rag(new BigDecimal("0.8999")));
        assertEquals(Rag.AMBER, DEFAULT.rag(new BigDecimal("0.6000")));
        assertEquals(Rag.RED, DEFAULT.rag(new BigDecimal("0.5999")));
        assertEquals(Rag.RED, DEFAULT.rag(new BigDecimal("-1")));
        assertNull(DEFAULT.rag(null));
    }

    @Test
    void gainsAtRiskCountRealisedAndPendingButNotOverdueOrClosed() {
        InitiativeYear year = new InitiativeYear(2027, 1_000_000, 800_000, null, null);
        assertEquals(0, YearRealisation.of(year, List.of(slot(SlotStatus.PENDING, 1_000_000, null))).gainsAtRisk());
        YearRealisation quarters = YearRealisation.of(year, List.of(slot(SlotStatus.REPORTED, 250_000, 200_000L),
                slot(SlotStatus.OVERDUE, 250_000, null), slot(SlotStatus.PENDING, 250_000, null),
                slot(SlotStatus.CLOSED, 250_000, null)));
        assertEquals(1_000_000 - 200_000 - 250_000, quarters.gainsAtRisk());
        assertEquals(250_000, quarters.expectedReported());
        assertEquals(200_000, quarters.realised());
        assertEquals(new BigDecimal("0.8000"), quarters.ratio());
        assertEquals(1, quarters.overdueSlots());
        // more realised than adopted is no risk; nothing adopted is no risk either
        assertEquals(0, YearRealisation.of(year, List.of(slot(SlotStatus.REPORTED, 1_000_000, 1_200_000L))).gainsAtRisk());
        assertEquals(0, YearRealisation.of(new InitiativeYear(2027, -400_000, -400_000, 500_000L, 100_000L), List.of())
                .gainsAtRisk());
    }

    @Test
    void theWeakestEvidenceLevelWins() {
        assertEquals(EvidenceLevel.ESTIMATE, EvidenceLevel.weakest(EvidenceLevel.DOCUMENTED, EvidenceLevel.ESTIMATE));
        assertEquals(EvidenceLevel.PROBABLE, EvidenceLevel.weakest(null, EvidenceLevel.PROBABLE));
    }

    private static ReportSlot slot(SlotStatus status, long expected, Long realised) {
        ReportSlot slot = new ReportSlot();
        slot.status = status;
        slot.expected = expected;
        slot.realised = realised;
        return slot;
    }
}
