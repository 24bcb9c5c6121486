package dk.raaderum.proposal.service;

import dk.raaderum.proposal.config.ProposalConfig;
import dk.raaderum.proposal.repository.ProposalRepository;
import dk.raaderum.proposal.repository.ProposalRepository.Fingerprint;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The current {@link CatalogSnapshot} of a catalog, kept in memory between requests. Every read asks the database
 * for the catalog's {@link Fingerprint} (one small aggregate query) and reuses the kept snapshot only when it has
 * that fingerprint; otherwise it reads the catalog's rows again (one query) and keeps those. So a list or a
 * simulation always reflects every committed write, from any instance of the service, while repeated reads of an
 * unchanged catalog (a negotiation toggling proposals in and out of a simulation) skip reading and grouping its
 * proposal years. Snapshots are kept up to {@code raaderum.proposal.snapshots.max-size} of estimated memory
 * ({@link CatalogSnapshot#estimatedBytes()}; least recently used catalogs go first); hits and misses are metrics
 * ({@code cache_gets_total{cache="catalog-snapshots"}}; a hit is a kept snapshot used, {@link VersionedCache}).
 */
@ApplicationScoped
public class CatalogSnapshots {

    /** The metric's name of the kept snapshots ({@code cache_gets_total{cache=...}}). */
    public static final String CACHE = "catalog-snapshots";

    private final ProposalRepository proposals;
    private final VersionedCache<Long, CatalogSnapshot> kept;
    private final Counter reads;
    /** One lock per catalog ever read (a few per municipality and year): its readers take turns. */
    private final Map<Long, ReentrantLock> readers = new ConcurrentHashMap<>();

    public CatalogSnapshots(ProposalRepository proposals, ProposalConfig config, MeterRegistry registry) {
        this.proposals = proposals;
        // weights in KiB, so a weight (an int) can stand for any snapshot
        this.kept = new VersionedCache<>(Caffeine.newBuilder()
                .maximumWeight(Math.max(1, config.snapshots().maxSize().asLongValue() / 1024))
                .<Long, CatalogSnapshot>weigher((id, snapshot) -> (int) Math.min(Integer.MAX_VALUE,
                        snapshot.estimatedBytes() / 1024 + 1)), CACHE, registry);
        this.reads = Counter.builder("raaderum.catalog.snapshot.reads")
                .description("Catalog snapshots read from the database (a catalog changed or was not kept)")
                .register(registry);
    }

    /**
     * The catalog's proposals as the database has them now. Requests that find the kept snapshot outdated at the same
     * time read the rows once: the first reads, the others wait for it and take its snapshot when it has the
     * fingerprint they saw (a catalog of 20,000 proposals is tens of MB while it is read; eight requests at once that
     * each read it ran the service out of heap).
     */
    public CatalogSnapshot current(long catalogId) {
        Fingerprint now = proposals.fingerprint(catalogId);
        CatalogSnapshot snapshot = kept.lookup(catalogId, s -> s.fingerprint().equals(now));
        if (snapshot != null) {
            return snapshot;
        }
        ReentrantLock reading = readers.computeIfAbsent(catalogId, id -> new ReentrantLock());
        reading.lock();
        try {
            snapshot = kept.peek(catalogId, s -> s.fingerprint().equals(now));
            if (snapshot != null) {
                return snapshot;
            }
            reads.increment();
            // the rows may be newer than the fingerprint just read; the snapshot carries the fingerprint of its own rows
            snapshot = CatalogSnapshot.of(proposals.snapshotRows(catalogId));
            kept.keep(catalogId, snapshot);
            return snapshot;
        } finally {
            reading.unlock();
        }
    }
}
