package dk.raaderum.followup.repository;

import dk.raaderum.followup.domain.InitiativeStatus;
import dk.raaderum.platform.events.ProposalType;

/** Filters of the register list; null means "any". */
public record InitiativeFilter(Integer catalogYear, String areaCode, ProposalType type, InitiativeStatus status,
        String owner, Long proposalId, String text) {

    public static InitiativeFilter none() {
        return new InitiativeFilter(null, null, null, null, null, null, null);
    }
}
