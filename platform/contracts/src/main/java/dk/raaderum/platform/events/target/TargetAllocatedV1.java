package dk.raaderum.platform.events.target;

import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.YearAmount;

import java.time.Instant;
import java.util.List;

/**
 * {@code dk.raaderum.target.allocated.v1} on {@code target.allocated}: a new allocation round of an efficiency target
 * over policy areas. It replaces every earlier round of the same target ({@code targetId}, key).
 *
 * @param round the round number of this target (1, 2, …); consumers ignore rounds older than the one they have
 * @param responsibleBody COUNCIL, FINANCE_COMMITTEE, STANDING_COMMITTEE, EXECUTIVE_BOARD, DIRECTOR or DEPARTMENT_HEAD
 * @param areas per area the room it must create per year, in whole kroner (positive = room to find; exempt areas
 *        are listed with zeros), and the area's operating budget per year that the allocation was made on
 */
public record TargetAllocatedV1(
        long targetId,
        int round,
        int budgetYear,
        int priceLevelYear,
        String targetName,
        String responsibleBody,
        List<AreaAllocation> areas,
        Instant allocatedAt) {

    public record AreaAllocation(PolicyAreaRef area, List<YearAmount> amounts, List<YearAmount> budget, boolean exempt) {
    }
}
