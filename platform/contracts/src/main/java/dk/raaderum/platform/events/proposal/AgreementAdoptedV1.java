package dk.raaderum.platform.events.proposal;

import dk.raaderum.platform.events.YearAmount;

import java.time.Instant;
import java.util.List;

/**
 * {@code dk.raaderum.agreement.adopted.v1} on {@code agreement.adopted}, key = agreement id: a multi-year budget
 * agreement (flerårig aftale, e.g. Næstved's two-year agreement) as recorded: the budget years it covers and each
 * committee's fixed operating frame per year. The technical yearly adjustment (compensated budget-adjustment lines)
 * comes on top of the frames and is not part of the event.
 *
 * @param firstBudgetYear the first budget year covered; the agreement covers every year up to {@code lastBudgetYear}
 * @param priceLevelYear the prices the frames are stated at
 * @param committees the committees (fagudvalg), each with the catalog area codes it answers for and its frames
 * @param decisionReference the decision that adopted it (e.g. "BY 2020-10-06 pkt. 4")
 */
public record AgreementAdoptedV1(
        long agreementId,
        String title,
        int firstBudgetYear,
        int lastBudgetYear,
        int priceLevelYear,
        List<Committee> committees,
        String decisionReference,
        String adoptedBy,
        Instant adoptedAt) {

    /**
     * @param areaCodes the policy areas (catalog area codes) the committee answers for; an area is in one committee
     * @param frames the fixed operating frame per covered budget year, whole kroner
     */
    public record Committee(String name, List<String> areaCodes, List<YearAmount> frames) {
    }
}
