package dk.raaderum.ideabank.repository;

import dk.raaderum.ideabank.domain.DuplicateCandidate;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Duplicate candidates: pairs stored with the newer idea first. */
@ApplicationScoped
public class DuplicateRepository implements PanacheRepository<DuplicateCandidate> {

    /** The pair of the two ideas, in whichever order they are given. */
    public Optional<DuplicateCandidate> pair(long a, long b) {
        return find("ideaId = ?1 and otherIdeaId = ?2", Math.max(a, b), Math.min(a, b)).firstResultOptional();
    }

    /** Open pairs, newest first (candidates_open_idx). */
    public List<DuplicateCandidate> open(int page, int size) {
        return find("status = ?1 order by foundAt desc, id desc", DuplicateCandidate.Status.OPEN)
                .page(Page.of(page, size)).list();
    }

    public long countOpen() {
        return count("status", DuplicateCandidate.Status.OPEN);
    }

    /** Open pairs the idea is in. */
    public List<DuplicateCandidate> openOf(long ideaId) {
        return list("status = ?1 and (ideaId = ?2 or otherIdeaId = ?2)", DuplicateCandidate.Status.OPEN, ideaId);
    }
}
