package dk.raaderum.followup.domain;

/** What was decided about an initiative (advice 7 of KL's report). */
public enum DecisionKind {
    /** Go on as planned. */
    CONTINUE,
    /** A new expected profile (with a reason); years already reported cannot change. */
    ADJUST,
    /** End it (with a reason); the unrealised remainder is a budget risk. */
    TERMINATE,
    /** Spread it to named areas. */
    SCALE_UP,
    /** Offer it, with its realised evidence, to other municipalities through the idea bank. */
    SHARE;

    /**
     * Whether the decision changes what the budget can count on (the expectation, the initiative's life or its
     * reach): then a finance officer registers it on behalf of the body that took it, naming the body and the meeting.
     */
    public boolean needsGovernance() {
        return this == ADJUST || this == TERMINATE || this == SCALE_UP;
    }
}
