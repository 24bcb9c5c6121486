package dk.raaderum.ideabank.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an idea stands. SUBMITTED (in KL's queue) → PUBLISHED | REJECTED | MERGED; PUBLISHED → MERGED (a duplicate
 * of another published idea); REJECTED → PUBLISHED (KL changes its mind); a merge can be undone, back to the status
 * before it. WITHDRAWN (by its municipality, or its source proposal was withdrawn or unshared) from any status; a
 * withdrawn idea comes back only as a new submission (SUBMITTED), when its proposal is shared again.
 */
public enum IdeaStatus {
    SUBMITTED, PUBLISHED, REJECTED, MERGED, WITHDRAWN;

    public Set<IdeaStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(PUBLISHED, REJECTED, MERGED, WITHDRAWN);
            case PUBLISHED -> EnumSet.of(PUBLISHED, MERGED, WITHDRAWN);
            case REJECTED -> EnumSet.of(PUBLISHED, WITHDRAWN);
            case MERGED -> EnumSet.of(WITHDRAWN);
            case WITHDRAWN -> EnumSet.of(SUBMITTED);
        };
    }

    public boolean canMoveTo(IdeaStatus target) {
        return next().contains(target);
    }

    /** Ideas that search, look-alikes and duplicate candidates consider. */
    public boolean isActive() {
        return this == SUBMITTED || this == PUBLISHED;
    }
}
