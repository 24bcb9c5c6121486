package dk.raaderum.target.domain;

/** Where the basis of a percent key figure comes from. */
public enum BasisSource {
    /** Stated in the request. */
    GIVEN,
    /** The total operating budget per year of the municipality's base budget (converted to the policy's price level). */
    BASE_BUDGET
}
