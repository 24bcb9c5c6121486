package dk.raaderum.target.domain;

/**
 * What the yearly figures of a target mean, stated explicitly because municipalities use both.
 */
public enum TargetMode {
    /**
     * A new target each year with a lasting effect: the figure of a year is the NEW efficiency to find that year, and
     * what was found in earlier years keeps lowering the budget. The room required in a year is the sum of the new
     * targets up to it. Furesø's 25 mio. kr. a year over 2027–2030 requires 25, 50, 75 and 100 mio. kr.; a one-year
     * target of 1 % in 2027 requires 1 % of 2027's budget in every year of the horizon.
     */
    ANNUAL_NEW,
    /** The figure of a year is the whole room required in that year; years are not added up. */
    LEVEL
}
