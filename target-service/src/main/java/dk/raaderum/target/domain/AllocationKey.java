package dk.raaderum.target.domain;

/** How a target is split over the policy areas that carry it. */
public enum AllocationKey {
    /** In proportion to each area's operating budget (the same percent everywhere). */
    UNIFORM,
    /**
     * In proportion to each area's operating budget times a multiplier from its spending index against comparable
     * municipalities ({@link DifferentiatedFunction}).
     */
    DIFFERENTIATED,
    /** In proportion to weights the finance department sets per area. */
    CUSTOM
}
