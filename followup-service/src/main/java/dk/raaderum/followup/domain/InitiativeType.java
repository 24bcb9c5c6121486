package dk.raaderum.followup.domain;

/** The proposal type an initiative was adopted as (figure 3.1 of KL's report). */
public enum InitiativeType {
    SAVING("besparelse"),
    EFFICIENCY("effektivisering"),
    /** Expected gains are the net room per year (gains − investment cost); the gain/cost profile is kept too. */
    INVESTMENT("investering"),
    /** Spends room and creates no gains: never registered (see the README). */
    EXPANSION("budgetudvidelse");

    private final String danish;

    InitiativeType(String danish) {
        this.danish = danish;
    }

    public String danish() {
        return danish;
    }

    /** Only types that create room have gains to follow up. */
    public boolean hasGains() {
        return this != EXPANSION;
    }
}
