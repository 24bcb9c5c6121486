package dk.raaderum.target.domain;

/** How a target is stated. */
public enum TargetKind {
    /** Percent of the total operating budget of the year (0–10 %). */
    PERCENT,
    /** A fixed amount in whole kroner (Furesø: 25 mio. kr. a year). */
    AMOUNT
}
