package dk.raaderum.proposal.repository;

import dk.raaderum.proposal.domain.ProposalStatus;

import java.util.Set;

/**
 * Which proposals a caller may see, as a query predicate: every proposal ({@link #all()}), or those in the given
 * statuses plus, optionally, every proposal of one party and the caller's own.
 */
public record Visibility(boolean everything, Set<ProposalStatus> statuses, String party, String creatorId) {

    public static Visibility all() {
        return new Visibility(true, Set.of(), null, null);
    }

    public static Visibility of(Set<ProposalStatus> statuses, String party, String creatorId) {
        return new Visibility(false, Set.copyOf(statuses), party, creatorId);
    }
}
