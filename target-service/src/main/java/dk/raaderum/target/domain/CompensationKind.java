package dk.raaderum.target.domain;

/**
 * Which automatic adjustment of the technical budget: the kind of a technical adjustment line, and what the quiet path
 * withholds.
 */
public enum CompensationKind {
    /** Pris- og lønregulering. */
    PRICE_WAGE,
    /** Demografiregulering. */
    DEMOGRAPHY,
    /** New legislation (DUT: det udvidede totalbalanceprincip). */
    LEGISLATION
}
