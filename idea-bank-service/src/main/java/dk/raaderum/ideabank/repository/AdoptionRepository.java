package dk.raaderum.ideabank.repository;

import dk.raaderum.ideabank.domain.IdeaAdoption;
import dk.raaderum.ideabank.domain.InitiativeEvidence;
import dk.raaderum.ideabank.domain.InitiativeReport;
import dk.raaderum.ideabank.domain.Realisation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;

/**
 * The proposals that came from ideas and the follow-up of those adopted: {@link IdeaAdoption},
 * {@link InitiativeEvidence} and {@link InitiativeReport}, and the sums kept on the idea for the search.
 */
@ApplicationScoped
public class AdoptionRepository implements PanacheRepositoryBase<IdeaAdoption, Long> {

    public Optional<IdeaAdoption> forUpdate(long proposalId) {
        return findByIdOptional(proposalId, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<IdeaAdoption> ofProposal(long proposalId) {
        return findByIdOptional(proposalId);
    }

    /** The catalog's proposal from the idea that is not withdrawn, if any. */
    public Optional<IdeaAdoption> copyInCatalog(long ideaId, long catalogId) {
        return find("ideaId = ?1 and catalogId = ?2 and status <> ?3", ideaId, catalogId, IdeaAdoption.Status.WITHDRAWN)
                .firstResultOptional();
    }

    /** The idea's proposals, by budget year and municipality. */
    public List<IdeaAdoption> ofIdea(long ideaId) {
        return list("ideaId = ?1 order by budgetYear, municipality, proposalId", ideaId);
    }

    public Optional<InitiativeEvidence> initiative(long initiativeId) {
        return getEntityManager().createQuery("from InitiativeEvidence where initiativeId = ?1", InitiativeEvidence.class)
                .setParameter(1, initiativeId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    public void persist(InitiativeEvidence initiative) {
        getEntityManager().persist(initiative);
    }

    public Optional<InitiativeReport> report(long initiativeId, String period) {
        return Optional.ofNullable(getEntityManager().find(InitiativeReport.class,
                new InitiativeReport.Key(initiativeId, period), LockModeType.PESSIMISTIC_WRITE));
    }

    public void persist(InitiativeReport report) {
        getEntityManager().persist(report);
    }

    /** The follow-up initiatives of the idea's proposals, by catalog year. */
    public List<InitiativeEvidence> initiativesOfIdea(long ideaId) {
        return getEntityManager().createQuery("""
                select e from InitiativeEvidence e, IdeaAdoption a
                where a.ideaId = ?1 and e.proposalId = a.proposalId order by e.catalogYear, e.municipality""",
                InitiativeEvidence.class).setParameter(1, ideaId).getResultList();
    }

    /** Per initiative of the idea that reported: its expected and realised gains, summed over its periods. */
    public List<Realisation.Figures> figuresOfIdea(long ideaId) {
        return getEntityManager().createQuery("""
                select new dk.raaderum.ideabank.domain.Realisation$Figures(sum(r.expected), sum(r.realised))
                from InitiativeReport r, InitiativeEvidence e, IdeaAdoption a
                where a.ideaId = ?1 and e.proposalId = a.proposalId and r.initiativeId = e.initiativeId
                group by r.initiativeId""", Realisation.Figures.class).setParameter(1, ideaId).getResultList();
    }

    /** The idea linked to a proposal, if any (as a copy, an origin or a shared proposal). */
    public Optional<Long> ideaOfProposal(Long proposalId) {
        return proposalId == null ? Optional.empty() : ofProposal(proposalId).map(a -> a.ideaId);
    }

    /**
     * Writes the sums the search uses onto the idea without touching its version (they are not an edit of the idea),
     * and only when one of them changed, so news that changes no sum does not raise the search version (and drop what
     * search keeps); call it last in the transaction (the update flushes the idea's other changes first).
     */
    public void keepEvidence(long ideaId, int copied, int presented, int adopted, Realisation realisation) {
        getEntityManager().createQuery("""
                update Idea set copyCount = :copied, presentedCount = :presented, adoptionCount = :adopted,
                    initiativeCount = :initiatives, hasRealisedGains = :realisedGains, realisationRatio = :ratio,
                    provenScore = :proven
                where id = :id and (copyCount <> :copied or presentedCount <> :presented or adoptionCount <> :adopted
                    or initiativeCount <> :initiatives or hasRealisedGains <> :realisedGains
                    or provenScore <> :proven or realisationRatio is distinct from :ratio)""")
                .setParameter("id", ideaId).setParameter("copied", copied).setParameter("presented", presented)
                .setParameter("adopted", adopted).setParameter("initiatives", realisation.initiatives())
                .setParameter("realisedGains", realisation.hasRealisedGains())
                .setParameter("ratio", realisation.median()).setParameter("proven", realisation.provenScore())
                .executeUpdate();
    }
}
