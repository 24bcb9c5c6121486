package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.Initiative;
import dk.raaderum.followup.repository.InitiativeRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class InitiativeService {

    private final InitiativeRepository repository;

    public InitiativeService(InitiativeRepository repository) {
        this.repository = repository;
    }

    public List<InitiativeSummary> list(String municipality) {
        return repository.listByMunicipality(municipality).stream().map(InitiativeSummary::of).toList();
    }

    public record InitiativeSummary(long id, String municipality, int budgetYear, String title, long version) {
        static InitiativeSummary of(Initiative e) {
            return new InitiativeSummary(e.id, e.municipality, e.budgetYear, e.title, e.version);
        }
    }
}
