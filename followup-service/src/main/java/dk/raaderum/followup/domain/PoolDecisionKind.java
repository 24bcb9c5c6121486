package dk.raaderum.followup.domain;

/** A decision on an application to an investment pool. */
public enum PoolDecisionKind {
    /** Grant: the investment cost is drawn on the pool and the application becomes a follow-up initiative. */
    GRANT,
    /** Reject (with a reason). */
    REJECT,
    /** Ask the committee for changes (with a reason); it may change and re-submit the application. */
    ASK_FOR_CHANGES;

    /**
     * Whether a body takes it (GRANT and REJECT decide on the pool's money): then a finance officer registers it on the
     * body's behalf, naming the body and the meeting.
     */
    public boolean needsGovernance() {
        return this != ASK_FOR_CHANGES;
    }

    public boolean needsReason() {
        return this != GRANT;
    }

    /** The application's status after the decision. */
    public ApplicationStatus outcome() {
        return switch (this) {
            case GRANT -> ApplicationStatus.GRANTED;
            case REJECT -> ApplicationStatus.REJECTED;
            case ASK_FOR_CHANGES -> ApplicationStatus.CHANGES_REQUESTED;
        };
    }
}
