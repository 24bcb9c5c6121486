package dk.raaderum.target.domain;

/**
 * DRAFT while the finance department prepares a version of the economic policy (changeable); ADOPTED once the council
 * has decided it (fixed for good). The newest adopted version is the municipality's current policy.
 */
public enum PolicyStatus {
    DRAFT, ADOPTED
}
