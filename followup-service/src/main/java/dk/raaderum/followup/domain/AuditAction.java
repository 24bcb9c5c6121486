package dk.raaderum.followup.domain;

/** What an entry of an initiative's audit trail records. */
public enum AuditAction {
    REGISTERED, OWNER_CHANGED, REPORTED, REPORT_CORRECTED, REPORT_OVERDUE, SLOTS_REPLANNED, DECIDED,
    /** Investment pools (the pool's trail): created, amounts or texts changed. */
    POOL_CREATED, POOL_CHANGED,
    /** An application to a pool: submitted, changed (re-submitted), decided. */
    APPLIED, APPLICATION_CHANGED, APPLICATION_DECIDED
}
