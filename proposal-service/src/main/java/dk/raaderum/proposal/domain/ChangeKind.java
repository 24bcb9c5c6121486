package dk.raaderum.proposal.domain;

/** What kind of content change a {@link ProposalChange} is. */
public enum ChangeKind {
    /** The proposal was written: every field from nothing. */
    CREATED,
    /** Its content changed before it was presented (DRAFT, SUBMITTED, QUALIFIED). */
    EDIT,
    /** A finance officer corrected a presented proposal, with a stated reason. */
    CORRECTION
}
