package dk.raaderum.proposal.service;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.proposal.domain.OriginKind;
import dk.raaderum.proposal.domain.ProposalStatus;

import java.util.Set;

/** List filters; empty sets and a null text mean "any". */
public record ProposalFilter(Set<ProposalType> types, Set<String> areas, Set<String> committees,
        Set<ProposalStatus> statuses, Set<OriginKind> origins, String text) {

    public static ProposalFilter none() {
        return new ProposalFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null);
    }
}
