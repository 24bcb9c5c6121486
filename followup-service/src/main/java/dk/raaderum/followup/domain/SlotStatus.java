package dk.raaderum.followup.domain;

/** The state of one report slot (one period of an initiative that needs a report). */
public enum SlotStatus {
    /** Not reported, due date not passed. */
    PENDING,
    /** Not reported and the due date has passed (set by the overdue job). */
    OVERDUE,
    /** At least one report version exists; a correction adds a version. */
    REPORTED,
    /** No report is needed any longer: the initiative was terminated, or the year's expectation adjusted to 0. */
    CLOSED;

    public boolean awaitsReport() {
        return this == PENDING || this == OVERDUE;
    }
}
