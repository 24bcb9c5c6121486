package dk.raaderum.target.service;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.target.domain.ProposalState;

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
     * @param warnings {@code area-register-missing} while the municipality has no register of policy areas;
     *        {@code area-not-in-register} naming the codes (of areas or of unmatched proposals) the register does not
     *        have or has retired: the usual reason a proposal is unmatched
     */
    public record CoverageView(String municipality, int budgetYear, List<Integer> years, List<AreaCoverageView> areas,
            List<CoverageYear> totals, List<AreaCoverageView> unmatched, List<CatalogStatus> catalogs,
            Instant updatedAt, List<PolicyAreaModels.Warning> warnings) {
    }

    public record ProposalView(long proposalId, String number, String title, ProposalType type, ProposalState state,
            boolean counts, List<YearValue> room, Instant adoptedAt, Instant stateAt) {
    }

    public record AreaDetail(AreaCoverageView area, List<ProposalView> proposals) {
    }
}
