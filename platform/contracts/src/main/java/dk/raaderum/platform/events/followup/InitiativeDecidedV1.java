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
 * @param decidingBody the body that took the decision, a {@link dk.raaderum.platform.events.ResponsibleBody} name
 *        (COUNCIL, FINANCE_COMMITTEE, STANDING_COMMITTEE or EXECUTIVE_BOARD; added to v1: always given for TERMINATE
 *        and SCALE_UP since, null for SHARE without one and in events written before)
 * @param decidingBodyName which body by name, e.g. "Social- og Sundhedsudvalget" (STANDING_COMMITTEE always;
 *        added to v1)
 * @param decisionReference the meeting and item, e.g. "ØU 2027-03-14 pkt. 7" (added to v1, with decidingBody)
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
        Long proposalId,
        String decidingBody,
        String decidingBodyName,
        String decisionReference) {

    /** The payload as it was before the deciding body was added (no body, name or reference). */
    public InitiativeDecidedV1(long initiativeId, String decision, String title, String type, int catalogYear,
            PolicyAreaRef area, List<YearAmount> expected, List<YearAmount> realised,
            List<YearAmount> unrealisedRemainder, List<String> scaleUpAreas, String evidenceLevel, String reason,
            String narrative, Instant decidedAt, Long proposalId) {
        this(initiativeId, decision, title, type, catalogYear, area, expected, realised, unrealisedRemainder,
                scaleUpAreas, evidenceLevel, reason, narrative, decidedAt, proposalId, null, null, null);
    }
}
