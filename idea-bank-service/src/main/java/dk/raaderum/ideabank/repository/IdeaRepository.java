package dk.raaderum.ideabank.repository;

import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.IdeaStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Ideas as entities, for writes and for reads by id; searching is {@link IdeaSearchRepository}. */
@ApplicationScoped
public class IdeaRepository implements PanacheRepository<Idea> {

    /** The idea, locked for update (curation steps that change two ideas lock both, lower id first). */
    public Optional<Idea> locked(long id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<Idea> bySourceProposal(long proposalId) {
        return find("sourceProposalId", proposalId).firstResultOptional();
    }

    public Optional<Idea> bySourceInitiative(long initiativeId) {
        return find("sourceInitiativeId", initiativeId).firstResultOptional();
    }

    /** The ideas of one municipality and budget year with these source keys (an import batch looks them up at once). */
    public List<Idea> bySourceKeys(String municipality, int budgetYear, Collection<String> keys) {
        return list("sourceMunicipality = ?1 and budgetYear = ?2 and sourceKey in ?3", municipality, budgetYear, keys);
    }

    /** The ideas merged into a family (its members, the primary not included). */
    public List<Idea> members(long familyId) {
        return list("familyId = ?1 and status = ?2 order by id", familyId, IdeaStatus.MERGED);
    }

    /** A municipality's ideas in the given statuses, newest first. */
    public List<Idea> ofMunicipality(String municipality, Set<IdeaStatus> statuses, int page, int size) {
        return find("sourceMunicipality = ?1 and status in ?2 order by id desc", municipality, statuses)
                .page(Page.of(page, size)).list();
    }

    public long countOfMunicipality(String municipality, Set<IdeaStatus> statuses) {
        return count("sourceMunicipality = ?1 and status in ?2", municipality, statuses);
    }

    /** KL's queue: submissions, oldest first. */
    public List<Idea> queue(int page, int size) {
        return find("status = ?1 order by createdAt, id", IdeaStatus.SUBMITTED).page(Page.of(page, size)).list();
    }

    public long queueLength() {
        return count("status", IdeaStatus.SUBMITTED);
    }

    /** Curated ideas holding a correction of their source proposal, oldest correction first (V7's index). */
    public List<Idea> withSourceCorrection(int page, int size) {
        return find("sourceCorrection is not null order by sourceCorrectedAt, id").page(Page.of(page, size)).list();
    }

    public long countWithSourceCorrection() {
        return count("sourceCorrection is not null");
    }

    public List<Idea> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** The next ideas after {@code afterId} in the statuses, by id (keyset paging for exports). */
    public List<Idea> pageAfter(long afterId, Set<IdeaStatus> statuses, int size) {
        return find("id > ?1 and status in ?2 order by id", afterId, statuses).page(Page.ofSize(size)).list();
    }
}
