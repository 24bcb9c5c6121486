package dk.raaderum.proposal.domain;

import dk.raaderum.platform.events.ProposalType;

import java.util.List;
import java.util.OptionalInt;

/**
 * What follows from a proposal's yearly amounts. Net change is in operating expenses: negative creates room.
 *
 * @param netTotal the net change over the horizon
 * @param fullYearEffect the net change of the last horizon year, when the proposal is fully phased in
 * @param paybackYear for an investment, the first year in which cumulative gains reach cumulative cost; empty when
 *        that is beyond the horizon (or for other types)
 */
public record ProposalFigures(long netTotal, long fullYearEffect, OptionalInt paybackYear) {

    public static ProposalFigures of(ProposalType type, List<ProposalYear> years) {
        long total = 0;
        for (ProposalYear year : years) {
            total = Math.addExact(total, year.netChange);
        }
        long fullYear = years.isEmpty() ? 0 : years.get(years.size() - 1).netChange;
        return new ProposalFigures(total, fullYear, type == ProposalType.INVESTMENT ? payback(years) : OptionalInt.empty());
    }

    /** First year where cumulative gains ≥ cumulative investment cost (years in order). */
    static OptionalInt payback(List<ProposalYear> years) {
        long cost = 0;
        long gains = 0;
        for (ProposalYear year : years) {
            cost += year.investmentCost == null ? 0 : year.investmentCost;
            gains += year.gain == null ? 0 : year.gain;
            if (cost > 0 && gains >= cost) {
                return OptionalInt.of(year.year);
            }
        }
        return OptionalInt.empty();
    }

    public boolean paysBackWithinHorizon() {
        return paybackYear.isPresent();
    }
}
