package dk.raaderum.followup.repository;

import dk.raaderum.followup.domain.Decision;
import dk.raaderum.platform.web.http.PageOf;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class DecisionRepository implements PanacheRepository<Decision> {

    /** An initiative's decisions, newest first (initiative_decision_initiative_idx). */
    public PageOf<Decision> history(long initiativeId, int page, int size) {
        var query = find("initiativeId", Sort.descending("decidedAt", "id"), initiativeId);
        List<Decision> items = query.page(Page.of(page, size)).list();
        return new PageOf<>(items, page, size, query.count());
    }

    public Optional<Decision> findOfInitiative(long initiativeId, long decisionId) {
        return find("id = ?1 and initiativeId = ?2", decisionId, initiativeId).firstResultOptional();
    }
}
