package dk.raaderum.target.domain;

/**
 * The proposal types of proposal-service's events, and what each means for targets. Coverage counts the room
 * created by SAVING, EFFICIENCY and INVESTMENT proposals; EXPANSION proposals spend room and are shown separately,
 * they never lower an area's coverage.
 */
public enum ProposalType {
    SAVING, EFFICIENCY, INVESTMENT, EXPANSION;

    public boolean countsTowardsTarget() {
        return this != EXPANSION;
    }

    /** Of the five paths: the broad path holds savings and efficiency, the cross-cutting path investments. */
    public boolean isBroadPath() {
        return this == SAVING || this == EFFICIENCY;
    }
}
