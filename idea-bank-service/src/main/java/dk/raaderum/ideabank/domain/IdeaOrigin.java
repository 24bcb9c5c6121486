package dk.raaderum.ideabank.domain;

/** How an idea came into the bank. */
public enum IdeaOrigin {
    /** A finance officer (or a municipal system) submitted it through the API. */
    MUNICIPALITY,
    /** A proposal its municipality shared (shareWithIdeaBank), received through proposal events. */
    SHARED_PROPOSAL,
    /** A row of one of KL's imports (the review of every municipality's budget). */
    KL_IMPORT,
    /** A follow-up initiative its municipality shared (decision SHARE) that came from no idea. */
    SHARED_INITIATIVE
}
