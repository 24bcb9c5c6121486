package dk.raaderum.proposal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.proposal.domain.OriginKind;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.domain.ProposalYear;
import dk.raaderum.proposal.domain.Uncertainty;
import dk.raaderum.proposal.service.ProposalModels.FteInput;
import dk.raaderum.proposal.service.ProposalModels.ProposalInput;
import dk.raaderum.proposal.service.ProposalModels.YearAmountInput;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

/** The rollover's move of a proposal's amounts one year on: a pure function. */
class RolloverDraftTest {

    private static final List<Integer> NEXT = List.of(2028, 2029, 2030, 2031);

    private static Proposal proposal(ProposalType type, ProposalYear... years) {
        Proposal p = new Proposal();
        p.id = 4711L;
        p.budgetYear = 2027;
        p.type = type;
        p.title = "Videobesøg";
        p.description = "Videobesøg i hjemmeplejen.";
        p.classificationRationale = "Samme hjælp, færre kørselstimer";
        p.areaCode = "ÆLD";
        p.originKind = OriginKind.POLITICAL_PARTY;
        p.originParty = "Venstre";
        p.uncertainty = Uncertainty.HIGH;
        p.years.addAll(List.of(years));
        return p;
    }

    @Test
    void theNewLastYearContinuesTheOldLastYearAndTheFirstYearDropsOut() {
        assertEquals(2028, RolloverDraft.sourceYear(2028, 2027));
        assertEquals(2030, RolloverDraft.sourceYear(2030, 2027));
        assertEquals(2030, RolloverDraft.sourceYear(2031, 2027));
        ProposalInput input = RolloverDraft.of(proposal(ProposalType.EFFICIENCY,
                new ProposalYear(2027, -100, null, null, new BigDecimal("-1.5")),
                new ProposalYear(2028, -200, null, null, null),
                new ProposalYear(2029, -300, null, null, new BigDecimal("-2.0")),
                new ProposalYear(2030, -400, null, null, new BigDecimal("-3.0"))), NEXT);
        assertEquals(List.of(new YearAmountInput(2028, -200L), new YearAmountInput(2029, -300L),
                new YearAmountInput(2030, -400L), new YearAmountInput(2031, -400L)), input.operatingChange());
        assertEquals(List.of(new FteInput(2029, new BigDecimal("-2.0")), new FteInput(2030, new BigDecimal("-3.0")),
                new FteInput(2031, new BigDecimal("-3.0"))), input.staffChange());
        assertNull(input.investmentCost());
        assertEquals(4711L, input.predecessorId());
        assertEquals("Venstre", input.origin().party());
    }

    @Test
    void anInvestmentMovesItsCostAndGainsEachAndItsUpFrontCostDropsOut() {
        ProposalInput input = RolloverDraft.of(proposal(ProposalType.INVESTMENT,
                new ProposalYear(2027, 1_000, 1_000L, 0L, null),
                new ProposalYear(2028, 200, 500L, 300L, null),
                new ProposalYear(2029, -400, 0L, 400L, null),
                new ProposalYear(2030, -450, 0L, 450L, null)), NEXT);
        assertNull(input.operatingChange());
        assertEquals(List.of(500L, 0L, 0L, 0L), input.investmentCost().stream().map(YearAmountInput::amount).toList());
        assertEquals(List.of(300L, 400L, 450L, 450L), input.gains().stream().map(YearAmountInput::amount).toList());
        assertEquals(NEXT, input.gains().stream().map(YearAmountInput::year).toList());
        assertEquals(List.of(200L, -400L, -450L, -450L), ProposalRules.years(NEXT, input).stream()
                .map(year -> year.netChange).toList());
    }
}
