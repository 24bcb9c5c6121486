package dk.raaderum.proposal.repository;

import dk.raaderum.proposal.domain.PublishedIdea;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;

@ApplicationScoped
public class PublishedIdeaRepository implements PanacheRepositoryBase<PublishedIdea, Long> {

    /** The idea, locked for the event being applied (two topics may bring news of it at once). */
    public Optional<PublishedIdea> forUpdate(long ideaId) {
        return findByIdOptional(ideaId, LockModeType.PESSIMISTIC_WRITE);
    }
}
