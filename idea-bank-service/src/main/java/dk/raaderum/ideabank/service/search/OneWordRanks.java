package dk.raaderum.ideabank.service.search;

import dk.raaderum.ideabank.repository.IdeaSearchRepository;
import dk.raaderum.ideabank.repository.IdeaSearchRepository.Scored;
import dk.raaderum.ideabank.repository.IdeaSearchRepository.TextQuery;
import dk.raaderum.ideabank.repository.IdeaSearchRepository.Texts;

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
 * One-word searches answered from memory once the searched version of the texts is there: which ideas have the
 * word and none of the excluded ones ({@link TextPostings}) and how they rank ({@link HeadRanks}), so PostgreSQL is
 * not asked at all. Until then PostgreSQL finds and ranks them, and both are built in the background from one
 * snapshot (one build at a time, each at least {@link #PAUSE} and twice its predecessor's time after it, so a stream
 * of changes costs at most a third of one core; a few seconds at 100,000 ideas). A search never waits for a build and
 * never uses another version of the texts.
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
    private volatile Built current;
    private volatile long lastBuildEnded = System.nanoTime() - PAUSE.toNanos();
    private volatile long lastBuildTook;

    /** The ranks and the words of the ideas as of one version of the texts. */
    private record Built(long textVersion, HeadRanks ranks, TextPostings postings) {
    }

    OneWordRanks(IdeaSearchRepository repository, MeterRegistry registry) {
        this.repository = repository;
        this.builds = Timer.builder("raaderum.idea-search.ranks.builds")
                .description("Builds of every idea's words and one-word ranks, once per version of the texts")
                .register(registry);
        this.fromMemory = Counter.builder("raaderum.idea-search.one-word.from-memory")
                .description("One-word searches whose hits were found and ranked in memory, not by PostgreSQL")
                .register(registry);
    }

    /**
     * The ideas that match the one word (with exclusions or not) of the query, found and ranked in memory; null
     * when the ranks of {@code textVersion} are not there yet (a build is then started).
     */
    Scored hits(long textVersion, TextQuery text) {
        Built built = current;
        if (built != null && built.textVersion == textVersion) {
            fromMemory.increment();
            return built.ranks.rank(text.singleWord(), text.exclusions(),
                    built.postings.ideas(text.singleWord(), text.excluded()));
        }
        if (built == null || built.textVersion < textVersion) {
            buildSoon();
        }
        return null;
    }

    /** Builds the words and ranks of the newest texts now (a caller that must not wait uses {@link #hits}). */
    synchronized void build() {
        long started = System.nanoTime();
        builds.record(() -> {
            current = repository.snapshot(reads -> {
                long textVersion = repository.textVersion(reads);
                Texts vectors = repository.headVectors(reads);
                return new Built(textVersion, new HeadRanks(vectors.ids(), vectors.texts()),
                        TextPostings.read(repository, reads));
            });
        });
        lastBuildTook = System.nanoTime() - started;
    }

    private void buildSoon() {
        if (!building.compareAndSet(false, true)) {
            return;
        }
        long wait = Math.max(0, lastBuildEnded + Math.max(PAUSE.toNanos(), 2 * lastBuildTook) - System.nanoTime());
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
