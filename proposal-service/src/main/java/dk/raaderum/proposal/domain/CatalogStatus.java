package dk.raaderum.proposal.domain;

/** A catalog is open for proposals, locked during the budget negotiations, and adopted with the budget. */
public enum CatalogStatus {
    OPEN, LOCKED, ADOPTED
}
