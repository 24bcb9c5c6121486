package dk.raaderum.target.domain;

/** What target-service knows of a proposal from proposal-service's events. */
public enum ProposalState {
    /** Adopted with the budget: it counts. */
    ADOPTED,
    /** Withdrawn (kept, so a late-arriving older adoption event cannot bring it back). */
    WITHDRAWN
}
