package dk.raaderum.ideabank.repository;

import dk.raaderum.ideabank.domain.IdeaFamily;
import dk.raaderum.ideabank.domain.IdeaMerge;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Idea families and the merges that made them. */
@ApplicationScoped
public class FamilyRepository implements PanacheRepository<IdeaFamily> {

    /** The merge that put the idea in a family and is not undone. */
    public Optional<IdeaMerge> activeMerge(long ideaId) {
        return getEntityManager().createQuery("from IdeaMerge m where m.ideaId = ?1 and m.undoneAt is null", IdeaMerge.class)
                .setParameter(1, ideaId).getResultStream().findFirst();
    }

    public void persistMerge(IdeaMerge merge) {
        getEntityManager().persist(merge);
    }
}
