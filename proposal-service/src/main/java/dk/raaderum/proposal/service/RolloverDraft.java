package dk.raaderum.proposal.service;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.domain.ProposalYear;
import dk.raaderum.proposal.service.ProposalModels.FteInput;
import dk.raaderum.proposal.service.ProposalModels.OriginInput;
import dk.raaderum.proposal.service.ProposalModels.ProposalInput;
import dk.raaderum.proposal.service.ProposalModels.YearAmountInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a proposal of one budget year's catalog becomes its successor in the next year's (rollover): the same texts,
 * type, rationale, area, origin, consequences, uncertainty, start, program owner and sharing, the old proposal as its
 * predecessor, and its amounts moved one year on. The four-year window slides: the old catalog covers Y..Y+3, the new
 * Y+1..Y+4. The amounts of Y+1..Y+3 stay with their years, the new last year Y+4 continues the old Y+3 amount, and
 * the amount of Y drops out. The same holds for each of an investment's cost and gains (its net change stays
 * cost − gains) and for the staff change. Amounts are not price-adjusted: the new catalog keeps the old price level.
 */
final class RolloverDraft {

    private RolloverDraft() {
    }

    /** The old year whose amount a year of the new window takes: its own, or the old last year after it. */
    static int sourceYear(int year, int oldBudgetYear) {
        return Math.min(year, oldBudgetYear + Catalog.HORIZON_YEARS - 1);
    }

    /** The successor's content in a catalog of {@code years} (the old catalog's years moved one on). */
    static ProposalInput of(Proposal old, List<Integer> years) {
        Map<Integer, ProposalYear> byYear = old.years.stream()
                .collect(Collectors.toMap(y -> y.year, Function.identity(), (a, b) -> a));
        boolean investment = old.type == ProposalType.INVESTMENT;
        List<YearAmountInput> operating = new ArrayList<>();
        List<YearAmountInput> cost = new ArrayList<>();
        List<YearAmountInput> gains = new ArrayList<>();
        List<FteInput> staff = new ArrayList<>();
        for (int year : years) {
            ProposalYear source = byYear.get(sourceYear(year, old.budgetYear));
            if (source == null) {
                continue; // the catalog's rules refuse the gap (catalog-years)
            }
            if (investment) {
                add(cost, year, source.investmentCost);
                add(gains, year, source.gain);
            } else {
                operating.add(new YearAmountInput(year, source.netChange));
            }
            if (source.fteChange != null) {
                staff.add(new FteInput(year, source.fteChange));
            }
        }
        return new ProposalInput(old.title, old.description, old.type, old.classificationRationale, old.areaCode,
                new OriginInput(old.originKind, old.originParty, old.originIdeaId, old.originMunicipality),
                investment ? null : operating, investment ? cost : null, investment ? gains : null, staff,
                old.serviceConsequences, old.uncertainty, old.implementationStart, old.programOwner, old.id,
                old.shareWithIdeaBank, null);
    }

    private static void add(List<YearAmountInput> amounts, int year, Long amount) {
        if (amount != null) {
            amounts.add(new YearAmountInput(year, amount));
        }
    }
}
