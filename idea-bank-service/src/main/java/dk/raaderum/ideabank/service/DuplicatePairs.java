package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.DuplicateCandidate;
import dk.raaderum.ideabank.domain.DuplicateCandidate.Resolution;
import dk.raaderum.ideabank.domain.DuplicateCandidate.Status;
import dk.raaderum.ideabank.repository.DuplicateRepository;
import dk.raaderum.ideabank.service.SimilarIdeas.Match;
import dk.raaderum.platform.web.security.Actor;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;

/**
 * The duplicate-candidate pairs: found by the scan, cleared by curation. A pair is stored once (newer idea first) and,
 * once resolved (merged, linked, dismissed, or one idea left the bank), never proposed again.
 */
@ApplicationScoped
public class DuplicatePairs {

    private final DuplicateRepository pairs;
    private final Clock clock;

    public DuplicatePairs(DuplicateRepository pairs, Clock clock) {
        this.pairs = pairs;
        this.clock = clock;
    }

    /** Records (or refreshes the score of) an open pair for {@code ideaId} and the matched idea. */
    public void found(long ideaId, Match match) {
        DuplicateCandidate pair = pairs.pair(ideaId, match.ideaId()).orElse(null);
        if (pair != null && pair.status == Status.RESOLVED) {
            return;
        }
        boolean fresh = pair == null;
        if (fresh) {
            pair = new DuplicateCandidate();
            pair.ideaId = Math.max(ideaId, match.ideaId());
            pair.otherIdeaId = Math.min(ideaId, match.ideaId());
            pair.status = Status.OPEN;
            pair.foundAt = clock.instant();
        }
        pair.score = decimal(match.score());
        pair.titleSimilarity = decimal(match.titleSimilarity());
        pair.sharedTerms = match.sharedTerms().toArray(String[]::new);
        pair.sameArea = match.sameArea();
        if (fresh) {
            pairs.persist(pair);
        }
    }

    /** Clears the pair of the two ideas, if there is an open one. */
    public void resolve(long a, long b, Resolution how, Actor actor, String reason) {
        pairs.pair(a, b).filter(p -> p.status == Status.OPEN)
                .ifPresent(p -> p.resolve(how, actor.name(), reason, clock.instant()));
    }

    /** Clears every open pair of an idea that left the bank or a family's view (GONE). */
    public void resolveAllOf(long ideaId, Actor actor, String reason) {
        pairs.openOf(ideaId).forEach(p -> p.resolve(Resolution.GONE, actor.name(), reason, clock.instant()));
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
    }
}
