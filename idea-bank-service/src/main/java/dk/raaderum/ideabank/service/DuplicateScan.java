package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.config.IdeaBankConfig;
import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.repository.IdeaRepository;
import dk.raaderum.ideabank.repository.LinkRepository;
import dk.raaderum.ideabank.repository.SimilarityRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import java.util.List;

/**
 * Finds duplicate candidates for curators in the background: every {@code raaderum.idea-bank.duplicates.every}, the
 * submitted and published ideas that changed since they were last compared (a new version) are compared with the
 * bank ({@link SimilarIdeas}), and pairs scoring at least {@code duplicates.threshold} that are not linked become open
 * candidates. Each idea is its own transaction and is marked compared at the version it was compared at; one that
 * cannot be compared stays unmarked and is tried again next round, without holding up the others.
 */
@ApplicationScoped
public class DuplicateScan {

    private static final Logger LOG = Logger.getLogger(DuplicateScan.class);

    private final SimilarityRepository similarity;
    private final IdeaRepository ideas;
    private final LinkRepository links;
    private final SimilarIdeas similar;
    private final DuplicatePairs pairs;
    private final IdeaBankConfig.Duplicates config;

    public DuplicateScan(SimilarityRepository similarity, IdeaRepository ideas, LinkRepository links, SimilarIdeas similar,
            DuplicatePairs pairs, IdeaBankConfig config) {
        this.similarity = similarity;
        this.ideas = ideas;
        this.links = links;
        this.similar = similar;
        this.pairs = pairs;
        this.config = config.duplicates();
    }

    @Scheduled(identity = "idea-duplicate-scan", every = "${raaderum.idea-bank.duplicates.every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        if (!config.enabled()) {
            return;
        }
        int compared = 0;
        List<Long> batch;
        int done;
        do {
            batch = similarity.unchecked(config.batchSize());
            done = 0;
            for (long id : batch) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> compare(id));
                    done++;
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Duplicate scan: idea %d could not be compared; it is tried again next round", id);
                }
            }
            compared += done;
        } while (done > 0 && batch.size() == config.batchSize());
        if (compared > 0) {
            LOG.debugf("Duplicate scan: compared %d idea(s)", compared);
        }
    }

    private void compare(long id) {
        Idea idea = ideas.findById(id);
        if (idea == null || !idea.status.isActive()) {
            return;
        }
        for (SimilarIdeas.Match match : similar.matches(idea, config.threshold().doubleValue())) {
            if (!links.linked(id, match.ideaId())) {
                pairs.found(id, match);
            }
        }
        similarity.markChecked(id, idea.version);
    }
}
