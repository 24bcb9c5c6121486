package dk.raaderum.followup.domain;

/** What an entry of an initiative's audit trail records. */
public enum AuditAction {
    REGISTERED, OWNER_CHANGED, REPORTED, REPORT_CORRECTED, REPORT_OVERDUE, SLOTS_REPLANNED, DECIDED
}
