package dk.raaderum.proposal.repository;

import dk.raaderum.proposal.domain.OriginKind;
import dk.raaderum.proposal.domain.ProposalStatus;

import java.util.Set;

/**
 * Which proposals a caller may see: every proposal ({@link #all()}), or those in the given statuses plus, optionally,
 * every proposal of one party and the caller's own. Used as a query predicate and, on loaded rows, by
 * {@link #includes}: the same rule both ways.
 */
public record Visibility(boolean everything, Set<ProposalStatus> statuses, String party, String creatorId) {

    public static Visibility all() {
        return new Visibility(true, Set.of(), null, null);
    }

    public static Visibility of(Set<ProposalStatus> statuses, String party, String creatorId) {
        return new Visibility(false, Set.copyOf(statuses), party, creatorId);
    }

    /** Whether a proposal with these fields is visible. */
    public boolean includes(ProposalStatus status, OriginKind origin, String originParty, String createdById) {
        return everything
                || statuses.contains(status)
                || (party != null && origin == OriginKind.POLITICAL_PARTY && party.equals(originParty))
                || (creatorId != null && creatorId.equals(createdById));
    }
}
