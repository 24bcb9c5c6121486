package dk.raaderum.platform.events.idea;

import java.time.Instant;

/**
 * {@code dk.raaderum.idea.duplicate-dismissed.v1} on {@code idea.duplicate-dismissed}: a curator decided that a pair
 * the duplicate scan found is not the same idea. Keyed by {@code ideaId} (the newer of the two).
 */
public record DuplicateDismissedV1(
        long candidateId,
        long ideaId,
        long otherIdeaId,
        String reason,
        Instant dismissedAt) {
}
