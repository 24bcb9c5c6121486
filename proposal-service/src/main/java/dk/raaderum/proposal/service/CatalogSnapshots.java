package dk.raaderum.proposal.service;

import dk.raaderum.proposal.config.ProposalConfig;
import dk.raaderum.proposal.repository.ProposalRepository;
import dk.raaderum.proposal.repository.ProposalRepository.Fingerprint;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The current {@link CatalogSnapshot} of a catalog, kept in memory between requests. Every read asks the database
 * for the catalog's {@link Fingerprint} (one small aggregate query) and reuses the kept snapshot only when it has
 * that fingerprint; otherwise it reads the catalog's rows again (one query) and keeps those. So a list or a
 * simulation always reflects every committed write, from any instance of the service, while repeated reads of an
 * unchanged catalog (a negotiation toggling proposals in and out of a simulation) skip reading and grouping its
 * proposal years. Snapshots are kept up to {@code raaderum.proposal.snapshots.max-size} of estimated memory
 * ({@link CatalogSnapshot#estimatedBytes()}; least recently used catalogs go first); hits and misses are metrics
 * ({@code cache_gets_total{cache="catalog-snapshots"}}).
 */
@ApplicationScoped
public class CatalogSnapshots {

    private final ProposalRepository proposals;
    private final Cache<Long, CatalogSnapshot> kept;

    public CatalogSnapshots(ProposalRepository proposals, ProposalConfig config, MeterRegistry registry) {
        this.proposals = proposals;
        // weights in KiB, so a weight (an int) can stand for any snapshot
        this.kept = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, config.snapshots().maxSize().asLongValue() / 1024))
                .<Long, CatalogSnapshot>weigher((id, snapshot) -> (int) Math.min(Integer.MAX_VALUE,
                        snapshot.estimatedBytes() / 1024 + 1))
                .recordStats().build();
        CaffeineCacheMetrics.monitor(registry, kept, "catalog-snapshots");
    }

    /** The catalog's proposals as the database has them now. */
    public CatalogSnapshot current(long catalogId) {
        Fingerprint now = proposals.fingerprint(catalogId);
        CatalogSnapshot snapshot = kept.getIfPresent(catalogId);
        if (snapshot != null && snapshot.fingerprint().equals(now)) {
            return snapshot;
        }
        // the rows may be newer than the fingerprint just read; the snapshot carries the fingerprint of its own rows
        snapshot = CatalogSnapshot.of(proposals.snapshotRows(catalogId));
        kept.put(catalogId, snapshot);
        return snapshot;
    }
}
