package dk.raaderum.platform.events.idea;

import java.time.Instant;

/**
 * {@code dk.raaderum.idea.submitted.v1} on {@code idea.submitted}: an idea entered KL's curation queue (a municipality's
 * submission, a shared proposal, an import row not published at once). Keyed by the idea id.
 *
 * @param origin MUNICIPALITY, SHARED_PROPOSAL or KL_IMPORT
 */
public record IdeaSubmittedV1(
        long ideaId,
        String title,
        String type,
        String areaCode,
        String sourceMunicipality,
        int budgetYear,
        String origin,
        Long sourceProposalId,
        Instant submittedAt) {
}
