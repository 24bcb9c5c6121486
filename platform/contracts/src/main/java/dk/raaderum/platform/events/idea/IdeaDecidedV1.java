package dk.raaderum.platform.events.idea;

import java.time.Instant;

/**
 * The payload of {@code dk.raaderum.idea.rejected.v1} (topic {@code idea.rejected}) and
 * {@code dk.raaderum.idea.withdrawn.v1} ({@code idea.withdrawn}): an idea left the bank, with why. Keyed by the idea
 * id. A withdrawn idea was withdrawn by its municipality, by KL, or because its source proposal was withdrawn or no
 * longer shared ({@code by}: MUNICIPALITY, KL, SOURCE).
 *
 * @param previousStatus the status it had before
 */
public record IdeaDecidedV1(
        long ideaId,
        String title,
        String sourceMunicipality,
        String previousStatus,
        String by,
        String reason,
        Instant decidedAt) {
}
