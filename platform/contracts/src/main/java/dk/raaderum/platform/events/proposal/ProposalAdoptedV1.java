package dk.raaderum.platform.events.proposal;

import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.YearFte;

import java.time.Instant;
import java.util.List;

/**
 * {@code dk.raaderum.proposal.adopted.v1} on {@code proposal.adopted}: the council adopted a proposal with the budget.
 * Carries everything downstream needs (target coverage, the benefit register, the idea bank).
 *
 * <p>Amounts are whole kroner at the catalog's price level ({@code priceLevelYear}). {@code netChange} is the change
 * in operating expenses per year for every type: negative creates room, positive spends it. For INVESTMENT,
 * {@code investmentCost} (≥ 0) and {@code gains} (≥ 0) give the profile, and {@code netChange = investmentCost − gains}.
 *
 * <p>Added in v1 (absent in events written before; consumers read them as null): {@code description},
 * {@code classificationRationale}, {@code serviceConsequences}, {@code staffChange}.
 *
 * @param type SAVING, EFFICIENCY, INVESTMENT or EXPANSION
 * @param uncertainty LOW, MEDIUM or HIGH
 */
public record ProposalAdoptedV1(
        long proposalId,
        String number,
        String title,
        String type,
        long catalogId,
        int budgetYear,
        int priceLevelYear,
        PolicyAreaRef area,
        List<YearAmount> netChange,
        List<YearAmount> investmentCost,
        List<YearAmount> gains,
        String programOwner,
        ProposalOrigin origin,
        boolean shareWithIdeaBank,
        String uncertainty,
        Instant adoptedAt,
        String description,
        String classificationRationale,
        String serviceConsequences,
        List<YearFte> staffChange) {
}
