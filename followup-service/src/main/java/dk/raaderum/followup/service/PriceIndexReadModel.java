package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.PriceIndexSnapshot;
import dk.raaderum.followup.repository.PriceIndexSnapshotRepository;
import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.events.target.PriceIndexChangedV1;
import dk.raaderum.platform.web.municipality.Municipalities;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each municipality's effective price index, from target-service's {@code price-index.changed} (the owner of the
 * index); the platform's default (KL's PL for service expenses) until the first event arrives.
 */
@ApplicationScoped
public class PriceIndexReadModel {

    private static final Logger LOG = Logger.getLogger(PriceIndexReadModel.class);

    private final PriceIndexSnapshotRepository snapshots;
    private final Clock clock;

    public PriceIndexReadModel(PriceIndexSnapshotRepository snapshots, Clock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
    }

    public PriceIndex effective(String municipality) {
        PriceIndexSnapshot snapshot = snapshots.findById(municipality);
        return snapshot == null ? PriceIndex.klDefault() : PriceIndex.of(snapshot.years);
    }

    /** Replaces the municipality's series unless the event is older than the one held (events may be redelivered). */
    @Transactional
    public void apply(String municipality, PriceIndexChangedV1 changed, Instant eventTime) {
        if (!Municipalities.exists(municipality) || !municipality.equals(changed.municipality())) {
            throw new IllegalArgumentException("price-index.changed names municipality " + changed.municipality()
                    + " but is sent for " + municipality);
        }
        Map<Integer, BigDecimal> years = new TreeMap<>();
        changed.years().forEach(year -> years.put(year.year(), year.index()));
        PriceIndex.of(years); // every year and index valid, or the event is poison
        PriceIndexSnapshot snapshot = snapshots.findById(municipality);
        if (snapshot != null && snapshot.indexVersion >= changed.version()) {
            LOG.infof("price-index.changed of %s version %d ignored: version %d is held", municipality,
                    changed.version(), snapshot.indexVersion);
            return;
        }
        if (snapshot == null) {
            snapshot = new PriceIndexSnapshot();
            snapshot.municipality = municipality;
        }
        snapshot.indexVersion = changed.version();
        snapshot.years.clear();
        snapshot.years.putAll(years);
        snapshot.changedAt = changed.changedAt() == null ? eventTime : changed.changedAt();
        snapshot.receivedAt = clock.instant();
        if (!snapshots.isPersistent(snapshot)) {
            snapshots.persist(snapshot);
        }
    }
}
