package dk.raaderum.platform.messaging.priceindex;

import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.events.target.PriceIndexChangedV1;
import dk.raaderum.platform.web.municipality.Municipalities;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Each municipality's effective price index, from target-service's {@code price-index.changed} (the owner of the
 * index); the platform's default ({@link PriceIndex#klDefault()}, KL's PL for service expenses) until the first event
 * arrives. A service extends it with its own entity as an {@code @ApplicationScoped} bean and calls {@link #apply} from
 * its idempotent consumer of {@code price-index.changed}.
 */
public abstract class PriceIndexReadModelBase<S extends PriceIndexSnapshotBase> {

    private static final Logger LOG = Logger.getLogger(PriceIndexReadModelBase.class);

    private final EntityManager entityManager;
    private final Clock clock;
    private final Class<S> type;
    private final Supplier<S> factory;

    /** For the container's client proxy only. */
    protected PriceIndexReadModelBase() {
        this(null, null, null, null);
    }

    protected PriceIndexReadModelBase(EntityManager entityManager, Clock clock, Class<S> type, Supplier<S> factory) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.type = type;
        this.factory = factory;
    }

    /** The municipality's index as last published, or the platform's default before its first event. */
    public PriceIndex effective(String municipality) {
        S snapshot = entityManager.find(type, municipality);
        return snapshot == null ? PriceIndex.klDefault() : snapshot.index();
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
        S snapshot = entityManager.find(type, municipality);
        if (snapshot != null && snapshot.indexVersion >= changed.version()) {
            LOG.infof("price-index.changed of %s version %d ignored: version %d is held", municipality,
                    changed.version(), snapshot.indexVersion);
            return;
        }
        boolean created = snapshot == null;
        if (created) {
            snapshot = factory.get();
            snapshot.municipality = municipality;
        }
        snapshot.replaceBy(changed, years, eventTime, clock.instant());
        if (created) {
            entityManager.persist(snapshot);
        }
    }
}
