package dk.raaderum.platform.events.proposal;

import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.YearAmount;

import java.time.Instant;
import java.util.List;

/**
 * The payload of {@code proposal.submitted.v1}, {@code proposal.presented.v1}, {@code proposal.rejected.v1} and
 * {@code proposal.withdrawn.v1}: which proposal moved from which status to which, with its yearly net change
 * (negative creates room) so consumers can keep totals without calling back.
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
        Instant changedAt) {
}
