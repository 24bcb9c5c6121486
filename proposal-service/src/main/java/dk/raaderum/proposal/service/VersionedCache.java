package dk.raaderum.proposal.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import java.util.function.BinaryOperator;
import java.util.function.Predicate;

/**
 * Values kept in memory while they are valid: each was read at a version of its rows (an inputs revision, a catalog's
 * fingerprint), and a lookup says which version it needs. Its {@code cache_gets_total{cache=name}} counts a hit only
 * when the value found is still valid: a kept value that is outdated, and read again, is a miss, as one never kept.
 *
 * @param <K> the key
 * @param <V> the kept value, which knows the version it was read at
 */
public final class VersionedCache<K, V> {

    private final StatsCounter stats = new ConcurrentStatsCounter();
    private final Cache<K, V> kept;

    /** @param builder the cache's bounds (size or weight); its statistics are this class' */
    public VersionedCache(Caffeine<? super K, ? super V> builder, String name, MeterRegistry registry) {
        this.kept = builder.recordStats(() -> stats).build();
        CaffeineCacheMetrics.monitor(registry, kept, name);
    }

    /** The kept value if it is valid (a hit), else null (a miss). */
    public V lookup(K key, Predicate<? super V> valid) {
        V found = peek(key, valid);
        if (found != null) {
            stats.recordHits(1);
        } else {
            stats.recordMisses(1);
        }
        return found;
    }

    /** The kept value if it is valid, else null, counted neither way (a second look, after waiting for a reader). */
    V peek(K key, Predicate<? super V> valid) {
        V found = kept.asMap().get(key);
        return found != null && valid.test(found) ? found : null;
    }

    /** Keeps the value (read at the version it knows), in place of any kept before. */
    public void keep(K key, V value) {
        kept.put(key, value);
    }

    /** Keeps what {@code choose} makes of the value kept now and this one (this one if none is kept). */
    public void keep(K key, V value, BinaryOperator<V> choose) {
        kept.asMap().merge(key, value, choose);
    }
}
