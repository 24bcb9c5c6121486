package dk.raaderum.target.service;

import dk.raaderum.platform.events.PriceLevel;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.target.domain.ProposalState;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Answers about live coverage. */
public final class CoverageModels {

    private CoverageModels() {
    }

    /**
     * @param target the room the adopted targets require of the area in the year
     * @param covered room created by adopted SAVING, EFFICIENCY and INVESTMENT proposals
     * @param gap target − covered (positive: still missing; negative: more than the target)
     * @param coveragePercent covered / target × 100, two decimals; null without a target
     * @param expansions room spent by adopted EXPANSION proposals (shown separately, not part of coverage)
     */
    public record CoverageYear(int year, long target, long covered, long gap, BigDecimal coveragePercent,
            boolean reached, long expansions) {
    }

    /**
     * @param areaName the register's name when it has the area (renames show here)
     * @param matched false: proposals name an area that is neither in the base budget nor in an allocation
     */
    public record AreaCoverageView(String areaCode, String areaName, Integer mainAccount, String committee,
            boolean matched, int proposalCount, List<CoverageYear> years) {
    }

    /** @param awaiting adopted proposals of the catalog whose {@code proposal.adopted} has not arrived yet */
    public record CatalogStatus(long catalogId, String title, Instant adoptedAt, int adoptedProposals, int received,
            List<Long> awaiting) {
    }

    /**
     * The price level of every amount of an answer (PL-regulering): coverage, the five-paths plan and its paths.
     *
     * @param year the level: the base budget's price level (the targets' level), the budget year without a budget
     * @param convertedFrom the other levels that amounts were converted from (the catalogs' or earlier rounds'),
     *        ascending; empty when everything already was at {@code year}'s prices
     */
    @Schema(example = "{\"year\": 2027, \"convertedFrom\": [2026]}")
    public record CoverageLevel(int year, List<Integer> convertedFrom) {
    }

    /**
     * @param priceLevel every amount is at {@code priceLevel.year}'s prices; targets and proposals were converted to it
     * @param warnings {@code area-register-missing} while the municipality has no register of policy areas;
     *        {@code area-not-in-register} naming the codes (of areas or of unmatched proposals) the register does not
     *        have or has retired: the usual reason a proposal is unmatched
     */
    public record CoverageView(String municipality, int budgetYear, List<Integer> years, CoverageLevel priceLevel,
            List<AreaCoverageView> areas, List<CoverageYear> totals, List<AreaCoverageView> unmatched,
            List<CatalogStatus> catalogs, Instant updatedAt, List<PolicyAreaModels.Warning> warnings) {
    }

    /**
     * @param room per year at {@code priceLevel.year}'s prices
     * @param priceLevel e.g. {@code {"year": 2027, "convertedFrom": 2026}} for a proposal of a catalog at 2026 prices
     */
    public record ProposalView(long proposalId, String number, String title, ProposalType type, ProposalState state,
            boolean counts, List<YearValue> room, PriceLevel priceLevel, Instant adoptedAt, Instant stateAt) {
    }

    public record AreaDetail(AreaCoverageView area, CoverageLevel priceLevel, List<ProposalView> proposals) {
    }
}
