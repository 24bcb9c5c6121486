package dk.raaderum.platform.events.followup;

import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.YearAmount;

import java.time.Instant;
import java.util.List;

/**
 * The payload of {@code dk.raaderum.initiative.terminated.v1}, {@code .scaled-up.v1} and {@code .shared.v1}
 * (topics {@code initiative.terminated}, {@code initiative.scaled-up}, {@code initiative.shared}): a decision on an
 * initiative, with what the receivers need. Keyed by the initiative id.
 *
 * @param decision TERMINATE, SCALE_UP or SHARE
 * @param type the proposal type (SAVING, EFFICIENCY, INVESTMENT, EXPANSION)
 * @param expected expected gains per year (positive = room created)
 * @param realised realised gains per year, latest report version of each year
 * @param unrealisedRemainder TERMINATE: expected but not realised per year, the budget risk
 * @param scaleUpAreas SCALE_UP: the areas the initiative is to be spread to
 * @param evidenceLevel the weakest evidence level of the reports, or null without reports
 * @param proposalId the adopted proposal the initiative follows up (added to v1; null for an initiative registered
 *        by hand, and in events written before)
 */
public record InitiativeDecidedV1(
        long initiativeId,
        String decision,
        String title,
        String type,
        int catalogYear,
        PolicyAreaRef area,
        List<YearAmount> expected,
        List<YearAmount> realised,
        List<YearAmount> unrealisedRemainder,
        List<String> scaleUpAreas,
        String evidenceLevel,
        String reason,
        String narrative,
        Instant decidedAt,
        Long proposalId) {
}
