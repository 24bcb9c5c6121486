package dk.raaderum.ideabank.service.search;

import dk.raaderum.ideabank.repository.IdeaSearchRepository;
import dk.raaderum.ideabank.repository.IdeaSearchRepository.Scored;
import dk.raaderum.ideabank.repository.IdeaSearchRepository.TextQuery;
import dk.raaderum.ideabank.repository.IdeaSearchRepository.Texts;
import dk.raaderum.ideabank.repository.Jdbc.Reads;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One-word searches ranked from memory ({@link HeadRanks}) once the ranks of the searched version of the texts are
 * there; until then PostgreSQL ranks them, and the ranks are built in the background from one snapshot (one build at a
 * time, at least {@link #PAUSE} apart, so a stream of changes costs at most a share of one core; about a second at
 * 100,000 ideas). A search never waits for a build and never uses ranks of another version of the texts.
 */
final class OneWordRanks implements AutoCloseable {

    static final Duration PAUSE = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(OneWordRanks.class);

    private final IdeaSearchRepository repository;
    private final Timer builds;
    private final Counter fromMemory;
    private final ScheduledExecutorService builder = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "idea-search-ranks");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean building = new AtomicBoolean();
    private volatile HeadRanks current;
    private volatile long lastBuildEnded = System.nanoTime() - PAUSE.toNanos();

    OneWordRanks(IdeaSearchRepository repository, MeterRegistry registry) {
        this.repository = repository;
        this.builds = Timer.builder("raaderum.idea-search.ranks.builds")
                .description("Builds of every idea's one-word ranks, once per version of the texts").register(registry);
        this.fromMemory = Counter.builder("raaderum.idea-search.one-word.from-memory")
                .description("One-word searches whose hits were ranked from memory, not by PostgreSQL").register(registry);
    }

    /**
     * The ideas that match the one word (with exclusions or not) of the query {@code words}, ranked from memory; null
     * when the ranks of {@code textVersion} are not there yet (a build is then started).
     */
    Scored hits(Reads reads, long textVersion, TextQuery text, String words) {
        HeadRanks ranks = current;
        if (ranks != null && ranks.textVersion == textVersion) {
            fromMemory.increment();
            return ranks.rank(text.singleWord(), text.exclusions(), repository.textHitIds(reads, words).ids());
        }
        if (ranks == null || ranks.textVersion < textVersion) {
            buildSoon();
        }
        return null;
    }

    /** Builds the ranks of the newest version of the texts now (a caller that must not wait uses {@link #hits}). */
    synchronized void build() {
        builds.record(() -> {
            current = repository.snapshot(reads -> {
                long textVersion = repository.textVersion(reads);
                Texts vectors = repository.headVectors(reads);
                return new HeadRanks(textVersion, vectors.ids(), vectors.texts());
            });
        });
    }

    private void buildSoon() {
        if (!building.compareAndSet(false, true)) {
            return;
        }
        long wait = Math.max(0, lastBuildEnded + PAUSE.toNanos() - System.nanoTime());
        builder.schedule(() -> {
            try {
                build();
            } catch (RuntimeException e) {
                LOG.warnf("One-word ranks not built (searches rank in PostgreSQL meanwhile): %s", e.toString());
            } finally {
                lastBuildEnded = System.nanoTime();
                building.set(false);
            }
        }, wait, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        builder.shutdownNow();
    }
}
