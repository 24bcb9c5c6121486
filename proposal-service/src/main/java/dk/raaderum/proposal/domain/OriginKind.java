package dk.raaderum.proposal.domain;

/** Where a proposal came from. */
public enum OriginKind {
    ADMINISTRATION, POLITICAL_PARTY, STAFF, CITIZEN, BUSINESS, IDEA_BANK, OTHER_MUNICIPALITY
}
