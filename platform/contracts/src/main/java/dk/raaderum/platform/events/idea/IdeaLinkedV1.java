package dk.raaderum.platform.events.idea;

import java.time.Instant;

/**
 * The payload of {@code dk.raaderum.idea.linked.v1} (topic {@code idea.linked}) and {@code dk.raaderum.idea.unlinked.v1}
 * ({@code idea.unlinked}): a curator linked two ideas, or removed the link. Keyed by {@code fromIdeaId}.
 *
 * @param linkType SIMILAR_TO, VARIANT_OF or PART_OF (from → to)
 */
public record IdeaLinkedV1(
        long linkId,
        long fromIdeaId,
        long toIdeaId,
        String linkType,
        String comment,
        Instant at) {
}
