package dk.raaderum.platform.events.proposal;

import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.YearFte;

import java.time.Instant;
import java.util.List;

/**
 * The payload of {@code proposal.submitted.v1}, {@code proposal.presented.v1}, {@code proposal.rejected.v1},
 * {@code proposal.withdrawn.v1}, {@code proposal.sharing-changed.v1} and {@code proposal.corrected.v1}: which proposal
 * moved from which status to which (for sharing-changed and corrected both are the current status; a correction's
 * comment is its reason and its amounts are the corrected ones), with its yearly net change (negative creates room) so consumers
 * can keep totals without calling back, and, since the idea bank receives shared proposals through these events, the
 * proposal's content.
 *
 * <p>Added in v1 (absent in events written before; consumers read them as null): {@code priceLevelYear},
 * {@code origin}, {@code shareWithIdeaBank}, {@code description}, {@code classificationRationale},
 * {@code serviceConsequences}, {@code investmentCost} and {@code gains} (INVESTMENT only, else empty),
 * {@code staffChange} (years with a staff change), {@code uncertainty}.
 */
public record ProposalStatusChangedV1(
        long proposalId,
        String number,
        String title,
        String type,
        long catalogId,
        int budgetYear,
        PolicyAreaRef area,
        String fromStatus,
        String toStatus,
        List<YearAmount> netChange,
        String comment,
        Instant changedAt,
        Integer priceLevelYear,
        ProposalOrigin origin,
        Boolean shareWithIdeaBank,
        String description,
        String classificationRationale,
        String serviceConsequences,
        List<YearAmount> investmentCost,
        List<YearAmount> gains,
        List<YearFte> staffChange,
        String uncertainty) {
}
