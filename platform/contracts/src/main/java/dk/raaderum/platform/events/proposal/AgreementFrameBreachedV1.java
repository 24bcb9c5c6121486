package dk.raaderum.platform.events.proposal;

import java.time.Instant;
import java.util.List;

/**
 * {@code dk.raaderum.agreement.frame-breached.v1} on {@code agreement.frame-breached}, key = agreement id: a budget
 * agreement (adoption) of a catalog that a multi-year agreement covers breaches committee frames fixed by the
 * agreement; flagged to the finance committee (økonomiudvalget). Written in the same transaction as the adoption.
 *
 * @param catalogId the adopted catalog
 * @param budgetYear its budget year
 * @param priceLevelYear the prices of every amount (the catalog's)
 * @param breaches one per committee and year whose spending exceeds its frame after its own adopted proposals
 */
public record AgreementFrameBreachedV1(
        long agreementId,
        long catalogId,
        int budgetYear,
        int priceLevelYear,
        List<Breach> breaches,
        String flaggedTo,
        Instant adoptedAt) {

    /** The body a breach is flagged to. */
    public static final String FINANCE_COMMITTEE = "FINANCE_COMMITTEE";

    /**
     * @param spending the committee's areas' operating budget plus its adopted proposals' net change
     * @param frame the fixed frame plus the compensated technical adjustments of its areas
     * @param overrun spending − frame (&gt; 0)
     */
    public record Breach(String committee, int year, long spending, long frame, long overrun) {
    }
}
