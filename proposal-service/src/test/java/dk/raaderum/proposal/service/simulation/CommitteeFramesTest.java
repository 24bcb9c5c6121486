package dk.raaderum.proposal.service.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.proposal.domain.Uncertainty;
import dk.raaderum.proposal.service.simulation.BudgetSimulator.Item;
import dk.raaderum.proposal.service.simulation.CommitteeFrames.Committee;
import dk.raaderum.proposal.service.simulation.SimulationModels.CommitteeStatus;
import dk.raaderum.proposal.service.simulation.SimulationModels.CommitteeYear;
import dk.raaderum.proposal.service.simulation.SimulationModels.Warning;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Committee positions against fixed frames (Næstved-like two-year agreement) as a pure computation. */
class CommitteeFramesTest {

    private static final List<Integer> YEARS = List.of(2027, 2028, 2029, 2030);
    private static final Committee SOCIAL = new Committee("Social- og Sundhedsudvalget", List.of("ÆLD"),
            Map.of(2027, 405_000_000L, 2028, 405_000_000L));
    private static final Committee SCHOOLS = new Committee("Børne- og Skoleudvalget", List.of("SKO", "DAG"),
            Map.of(2027, 610_000_000L, 2028, 608_000_000L));
    private static final Map<String, Map<Integer, Long>> BUDGETS = Map.of(
            "ÆLD", Map.of(2027, 408_000_000L, 2028, 409_000_000L),
            "SKO", Map.of(2027, 400_000_000L, 2028, 400_000_000L),
            "DAG", Map.of(2027, 200_000_000L, 2028, 200_000_000L));

    @Test
    void anOverrunMetByTheCommitteesOwnProposalsHoldsTheFrame() {
        CommitteeFrames.Output output = positions(List.of(item("ÆLD", -3_000_000, -4_000_000)), Map.of());

        List<CommitteeYear> social = output.committees().get(0).years();
        assertEquals(List.of(CommitteeStatus.HELD, CommitteeStatus.HELD), map(social, CommitteeYear::status));
        assertEquals(3_000_000L, social.get(0).overrunBeforeProposals());
        assertEquals(405_000_000L, social.get(1).spending());
        assertTrue(output.warnings().isEmpty());
    }

    @Test
    void anotherCommitteesProposalsDoNotMeetTheOverrun() {
        CommitteeFrames.Output output = positions(List.of(item("SKO", -10_000_000, -10_000_000)), Map.of());

        List<CommitteeYear> social = output.committees().get(0).years();
        assertEquals(List.of(CommitteeStatus.BREACHED, CommitteeStatus.BREACHED), map(social, CommitteeYear::status));
        assertEquals(List.of(3_000_000L, 4_000_000L), map(social, CommitteeYear::breachedBy));
        assertEquals(List.of(0L, 0L), map(social, CommitteeYear::ownProposals));
        assertEquals(List.of(CommitteeFrames.COMMITTEE_FRAME_BREACHED, CommitteeFrames.COMMITTEE_FRAME_BREACHED),
                map(output.warnings(), Warning::code));
        assertTrue(output.warnings().get(0).message().contains("Social- og Sundhedsudvalget"));
        assertTrue(output.warnings().get(0).message().contains("2027"));
        assertTrue(output.warnings().get(1).message().contains("2028"));
    }

    @Test
    void compensatedAdjustmentsOfItsAreasRaiseTheFrame() {
        CommitteeFrames.Output output = positions(List.of(), Map.of("ÆLD", Map.of(2027, 3_000_000L, 2028, 3_500_000L)));

        List<CommitteeYear> social = output.committees().get(0).years();
        assertEquals(List.of(408_000_000L, 408_500_000L), map(social, CommitteeYear::frame));
        assertEquals(List.of(CommitteeStatus.HELD, CommitteeStatus.BREACHED), map(social, CommitteeYear::status));
        assertEquals(500_000L, social.get(1).breachedBy());
    }

    @Test
    void anUnknownAreaBudgetLeavesThePositionUnknownWithoutAWarning() {
        Committee parks = new Committee("Teknik- og Miljøudvalget", List.of("TEK"), Map.of(2027, 1L, 2028, 1L));
        CommitteeFrames.Output output = CommitteeFrames.positions(new CommitteeFrames.Input(YEARS, List.of(parks),
                List.of(), BUDGETS, Map.of()));

        for (CommitteeYear year : output.committees().get(0).years()) {
            assertEquals(CommitteeStatus.UNKNOWN, year.status());
            assertEquals(List.of("TEK"), year.missingBudgets());
        }
        assertTrue(output.warnings().isEmpty());
    }

    private static CommitteeFrames.Output positions(List<Item> items, Map<String, Map<Integer, Long>> adjustments) {
        return CommitteeFrames.positions(new CommitteeFrames.Input(YEARS, List.of(SOCIAL, SCHOOLS), items, BUDGETS,
                adjustments));
    }

    private static <T, R> List<R> map(List<T> list, Function<T, R> f) {
        return list.stream().map(f).toList();
    }

    private static Item item(String area, long first, long second) {
        return new Item(1, area + "-01", ProposalType.SAVING, area, Uncertainty.MEDIUM,
                new long[] { first, second, second, second }, false);
    }
}
