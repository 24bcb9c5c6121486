package dk.raaderum.platform.events.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code dk.raaderum.economic-policy.adopted.v1} on {@code economic-policy.adopted}, key = municipality code: a
 * municipality's economic policy (økonomisk politik) as adopted. A new version replaces the previous one entirely;
 * consumers ignore versions older than the one they have.
 *
 * <p>The policy covers the four budget years from {@code firstBudgetYear} at {@code priceLevelYear}. Every key figure
 * carries its bound per year and its baseline per year: the figure as the base budget projects it before any proposal
 * (the running forecast, with its derived extra costs). A consumer that simulates a selection of proposals moves the
 * baseline by the selection's effect, which depends on the figure's {@code kind}, and compares with the bound.
 *
 * @param version 1, 2, … per municipality
 * @param keyFigures the room to create, cash holdings, service buffer, long-term debt and any other named figure
 * @param decisionReference the decision that adopted it (e.g. "KB 2025-06-19 pkt. 7")
 * @param adoptedBy the user who recorded the adoption
 */
public record EconomicPolicyAdoptedV1(
        String municipalityCode,
        long policyId,
        int version,
        int firstBudgetYear,
        int priceLevelYear,
        List<KeyFigure> keyFigures,
        String decisionReference,
        String adoptedBy,
        Instant adoptedAt) {

    /** Kinds of key figure: how a selection of proposals moves it. */
    public static final String ROOM = "ROOM";
    public static final String CASH_HOLDINGS = "CASH_HOLDINGS";
    public static final String SERVICE_BUFFER = "SERVICE_BUFFER";
    public static final String LONG_TERM_DEBT = "LONG_TERM_DEBT";
    public static final String OTHER = "OTHER";
    /** Bound types. */
    public static final String AT_LEAST = "AT_LEAST";
    public static final String AT_MOST = "AT_MOST";
    /** Units. */
    public static final String KRONER = "KRONER";
    public static final String PERCENT = "PERCENT";

    /**
     * One key figure with its bound.
     *
     * @param key a stable name, unique in the policy (e.g. "cash-holdings", "room")
     * @param name the name the municipality uses (e.g. "Gennemsnitlig likviditet (kassekreditreglen)")
     * @param kind {@link #ROOM}: net room created by the selection (positive = created), bound e.g. at least 1.5 % of
     *        the operating budget; {@link #CASH_HOLDINGS}: average liquidity, moved by the selection's operating and
     *        investment amounts, accumulated over the years, and by stated financing and instalments;
     *        {@link #SERVICE_BUFFER}: the operating surplus kept back, moved by the year's net room;
     *        {@link #LONG_TERM_DEBT}: moved by stated borrowing and instalments; {@link #OTHER}: not moved by
     *        proposals (baseline against bound)
     * @param unit {@link #KRONER} (values are whole kroner) or {@link #PERCENT} (values are percent, e.g. 1.5)
     * @param boundType {@link #AT_LEAST} or {@link #AT_MOST}
     * @param bounds the bound per year; for {@link #ROOM} in percent, the percent of {@code basis} that must be created
     * @param baseline the figure per year before proposals (null for {@link #ROOM}, which starts from 0)
     * @param basis for a figure in percent of an amount: that amount per year (e.g. the operating budget), else null
     */
    public record KeyFigure(String key, String name, String kind, String unit, String boundType, List<YearValue> bounds,
            List<YearValue> baseline, List<YearValue> basis) {
    }

    /** A value for one budget year: whole kroner, or percent, as the figure's unit says. */
    public record YearValue(int year, BigDecimal value) {
    }
}
