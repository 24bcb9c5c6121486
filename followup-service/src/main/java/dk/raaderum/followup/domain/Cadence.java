package dk.raaderum.followup.domain;

/** How often a municipality follows up on its initiatives. */
public enum Cadence {
    /** One report per expected year, with the accounts (due on a month and day of the following year). */
    YEARLY,
    /** One report per quarter of an expected year, due a number of days after the quarter ends. */
    QUARTERLY
}
