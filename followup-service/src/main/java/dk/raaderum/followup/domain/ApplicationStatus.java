package dk.raaderum.followup.domain;

/** Where an application to an investment pool stands. */
public enum ApplicationStatus {
    /** Waiting for a decision (new, or re-submitted after changes). */
    SUBMITTED,
    /** The deciding body asked for changes: the committee may change and re-submit it. */
    CHANGES_REQUESTED,
    /** Granted: drawn on the pool and followed up as an initiative. Final. */
    GRANTED,
    /** Rejected. Final. */
    REJECTED;

    /** Whether the committee may still change (and so re-submit) it. */
    public boolean canChange() {
        return this == SUBMITTED || this == CHANGES_REQUESTED;
    }

    /** Whether a decision can be taken on it now. */
    public boolean awaitsDecision() {
        return this == SUBMITTED;
    }
}
