package dk.raaderum.platform.events.proposal;

import java.time.Instant;
import java.util.UUID;

/**
 * The payload of {@code dk.raaderum.proposal.drafted-from-idea.v1} (topic {@code proposal.drafted-from-idea}, keyed
 * by the new proposal's id) and {@code dk.raaderum.proposal.idea-copy-refused.v1} (topic
 * {@code proposal.idea-copy-refused}, keyed by the request id): proposal-service's answer to
 * {@code idea.copy-requested}.
 *
 * @param proposalId the draft made (drafted), or the catalog's existing copy of the idea (refused: ALREADY_COPIED)
 * @param number the proposal's number in the catalog (ÆLD-07), with {@code proposalId}
 * @param reason refused only: CATALOG_NOT_FOUND, CATALOG_NOT_OPEN, AREA_UNKNOWN, IDEA_NOT_PUBLISHED,
 *        ALREADY_COPIED or INVALID_CONTENT
 * @param detail refused only: a sentence saying why, for the finance officer
 */
public record IdeaCopyAnsweredV1(
        UUID requestId,
        long ideaId,
        long catalogId,
        Integer budgetYear,
        String areaCode,
        Long proposalId,
        String number,
        String reason,
        String detail,
        Instant answeredAt) {

    public static final String CATALOG_NOT_FOUND = "CATALOG_NOT_FOUND";
    public static final String CATALOG_NOT_OPEN = "CATALOG_NOT_OPEN";
    public static final String AREA_UNKNOWN = "AREA_UNKNOWN";
    public static final String IDEA_NOT_PUBLISHED = "IDEA_NOT_PUBLISHED";
    public static final String ALREADY_COPIED = "ALREADY_COPIED";
    public static final String INVALID_CONTENT = "INVALID_CONTENT";
}
