package dk.raaderum.ideabank.repository;

import dk.raaderum.ideabank.domain.IdeaHistoryEntry;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class IdeaHistoryRepository implements PanacheRepository<IdeaHistoryEntry> {

    public List<IdeaHistoryEntry> of(long ideaId) {
        return list("ideaId = ?1 order by id", ideaId);
    }
}
