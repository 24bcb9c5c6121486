package dk.raaderum.platform.events.followup;

import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.YearAmount;

import java.time.Instant;
import java.util.List;

/**
 * The payload of {@code dk.raaderum.investment-pool.granted.v1} (topic {@code investment-pool.granted}): an
 * application to an investment pool was granted; its investment cost is drawn on the pool and it is followed up as an
 * initiative. Keyed by the pool id, so a pool's grants arrive in order. Amounts are whole kroner.
 *
 * @param poolName e.g. "Investeringspuljen 2021–2022"
 * @param initiativeId the follow-up initiative the grant created (source INVESTMENT_POOL)
 * @param committee the applying committee, e.g. "Social- og Sundhedsudvalget"
 * @param investmentCost drawn on the pool per year (0 or more)
 * @param expectedGains the business case's expected gains per year (positive = room created): the initiative's
 *        planned gains
 * @param paybackYears the payback, year 1 being the first year with an investment cost
 * @param uncertainty LOW, MEDIUM or HIGH
 * @param remaining the pool's remaining amount per year after the grant (every year of the pool)
 * @param decidingBody the body that granted it, a {@link dk.raaderum.platform.events.ResponsibleBody} name (COUNCIL,
 *        FINANCE_COMMITTEE, STANDING_COMMITTEE or EXECUTIVE_BOARD)
 * @param decidingBodyName which body by name (always for STANDING_COMMITTEE), else null
 * @param decisionReference the meeting and item, e.g. "ØU 2022-03-14 pkt. 7"
 */
public record InvestmentPoolGrantedV1(
        long poolId,
        String poolName,
        long applicationId,
        long initiativeId,
        String committee,
        String title,
        PolicyAreaRef area,
        List<YearAmount> investmentCost,
        List<YearAmount> expectedGains,
        int paybackYears,
        String uncertainty,
        List<YearAmount> remaining,
        String decidingBody,
        String decidingBodyName,
        String decisionReference,
        Instant grantedAt) {
}
