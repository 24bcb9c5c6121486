package dk.raaderum.target.domain;

/** Which automatic adjustment the quiet path withholds. */
public enum CompensationKind {
    /** Pris- og lønregulering. */
    PRICE_WAGE,
    /** Demografiregulering. */
    DEMOGRAPHY
}
