package dk.raaderum.followup.domain;

/** Where an initiative stands. Scaling up and sharing leave it ACTIVE; they are recorded as decisions. */
public enum InitiativeStatus {
    /** Followed up: its report slots are due. */
    ACTIVE("aktiv"),
    /** Ended by a decision: no more reports; what was not realised is a budget risk. */
    TERMINATED("stoppet");

    private final String danish;

    InitiativeStatus(String danish) {
        this.danish = danish;
    }

    public String danish() {
        return danish;
    }
}
