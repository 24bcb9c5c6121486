package dk.raaderum.platform.messaging.priceindex;

import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.events.target.PriceIndexChangedV1;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A municipality's effective price index as target-service last published it ({@code price-index.changed}): the
 * whole series, replaced by each newer event. A service that keeps it declares the entity as
 * {@code @Entity @Table(name = "price_index_snapshot") class PriceIndexSnapshot extends PriceIndexSnapshotBase} and
 * creates the two tables (see followup-service's {@code V3__price_index.sql}).
 */
@MappedSuperclass
public abstract class PriceIndexSnapshotBase {

    @Id
    @Column(length = 3)
    public String municipality;

    /** target-service's version of the index; older events are ignored. */
    @Column(name = "index_version", nullable = false)
    public long indexVersion;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "price_index_snapshot_year", joinColumns = @JoinColumn(name = "municipality"))
    @MapKeyColumn(name = "year")
    @Column(name = "index_value", nullable = false, precision = 13, scale = 6)
    public Map<Integer, BigDecimal> years = new TreeMap<>();

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Version
    public long version;

    public PriceIndex index() {
        return PriceIndex.of(years);
    }

    /** Takes the series of {@code changed} (already validated) as the municipality's index. */
    void replaceBy(PriceIndexChangedV1 changed, Map<Integer, BigDecimal> series, Instant eventTime, Instant now) {
        indexVersion = changed.version();
        years.clear();
        years.putAll(series);
        changedAt = changed.changedAt() == null ? eventTime : changed.changedAt();
        receivedAt = now;
    }
}
