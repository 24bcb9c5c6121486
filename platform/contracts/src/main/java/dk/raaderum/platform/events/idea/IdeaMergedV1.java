package dk.raaderum.platform.events.idea;

import java.time.Instant;

/**
 * The payload of {@code dk.raaderum.idea.merged.v1} (topic {@code idea.merged}) and
 * {@code dk.raaderum.idea.merge-undone.v1} ({@code idea.merge-undone}): a curator merged an idea into another idea's
 * family (it keeps its municipality, year and amounts as a member), or undid that. Keyed by the merged idea's id.
 */
public record IdeaMergedV1(
        long ideaId,
        long intoIdeaId,
        long familyId,
        String sourceMunicipality,
        String reason,
        Instant at) {
}
