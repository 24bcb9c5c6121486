package dk.raaderum.target.domain;

/** Where a year of a municipality's effective price index comes from. */
public enum PriceIndexSource {
    /** The platform's default: KL's PL for service expenses (platform/contracts, pl-serviceudgifter.csv). */
    DEFAULT,
    /** Entered by the municipality's finance department; overrides the default for that year. */
    MUNICIPALITY
}
