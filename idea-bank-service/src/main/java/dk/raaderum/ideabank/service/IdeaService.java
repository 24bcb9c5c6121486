package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.repository.IdeaRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class IdeaService {

    private final IdeaRepository ideas;

    public IdeaService(IdeaRepository ideas) {
        this.ideas = ideas;
    }

    public List<IdeaSummary> newest(int limit) {
        return ideas.newestFirst(limit).stream().map(IdeaSummary::of).toList();
    }

    public record IdeaSummary(long id, String sourceMunicipality, String title, String proposalType) {
        static IdeaSummary of(Idea idea) {
            return new IdeaSummary(idea.id, idea.sourceMunicipality, idea.title, idea.proposalType);
        }
    }
}
