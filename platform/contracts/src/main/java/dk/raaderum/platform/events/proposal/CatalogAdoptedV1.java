package dk.raaderum.platform.events.proposal;

import dk.raaderum.platform.events.YearAmount;

import java.time.Instant;
import java.util.List;

/**
 * {@code dk.raaderum.catalog.adopted.v1} on {@code catalog.adopted}: the budget agreement. Sent in the same transaction
 * as one {@code proposal.adopted} per adopted and one {@code proposal.rejected} per rejected proposal.
 *
 * @param netChange the adopted proposals' total change in operating expenses per year (negative creates room)
 */
public record CatalogAdoptedV1(
        long catalogId,
        int budgetYear,
        int priceLevelYear,
        String title,
        List<Long> adoptedProposalIds,
        List<Long> rejectedProposalIds,
        List<YearAmount> netChange,
        Instant adoptedAt) {
}
