package dk.raaderum.proposal.repository;

import dk.raaderum.proposal.domain.ChangeKind;
import dk.raaderum.proposal.domain.ProposalChange;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class ChangeRepository implements PanacheRepository<ProposalChange> {

    /** A proposal's content changes, oldest first (proposal_change_proposal_idx). */
    public List<ProposalChange> history(long proposalId) {
        return list("proposalId = ?1 order by at, id", proposalId);
    }

    /** A proposal's corrections, oldest first, with their fields. */
    public List<ProposalChange> corrections(long proposalId) {
        return list("select distinct c from ProposalChange c left join fetch c.fields where c.proposalId = ?1"
                + " and c.kind = ?2 order by c.at, c.id", proposalId, ChangeKind.CORRECTION);
    }

    /** The content changes in a catalog after {@code since} (everything when null), with their fields. */
    public List<ProposalChange> inCatalogSince(long catalogId, Instant since) {
        return since == null
                ? list("select distinct c from ProposalChange c left join fetch c.fields where c.catalogId = ?1",
                        catalogId)
                : list("select distinct c from ProposalChange c left join fetch c.fields where c.catalogId = ?1"
                        + " and c.at > ?2", catalogId, since);
    }
}
