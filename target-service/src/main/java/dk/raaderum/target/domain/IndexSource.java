package dk.raaderum.target.domain;

/** Where the spending indices of a DIFFERENTIATED key come from. */
public enum IndexSource {
    /** Given per area in the allocation request. */
    GIVEN,
    /** From a potential analysis: own unit cost / benchmark × 100. */
    POTENTIAL_ANALYSIS
}
