package dk.raaderum.followup.repository;

import dk.raaderum.followup.domain.InitiativeStatus;
import dk.raaderum.platform.events.ProposalType;

/**
 * Filters of the register list; null means "any". {@code needsOwner}: only initiatives without an owner login (an
 * owner who is only a name cannot report).
 */
public record InitiativeFilter(Integer catalogYear, String areaCode, ProposalType type, InitiativeStatus status,
        String owner, Long proposalId, String text, boolean needsOwner) {

    public static InitiativeFilter none() {
        return new InitiativeFilter(null, null, null, null, null, null, null, false);
    }

    /** The "needs an owner" list: active initiatives without an owner login (initiative_needs_owner_idx). */
    public static InitiativeFilter needsOwner(Integer catalogYear, String areaCode) {
        return new InitiativeFilter(catalogYear, areaCode, null, InitiativeStatus.ACTIVE, null, null, null, true);
    }
}
