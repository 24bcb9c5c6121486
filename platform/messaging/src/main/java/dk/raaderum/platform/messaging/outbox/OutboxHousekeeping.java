package dk.raaderum.platform.messaging.outbox;

import dk.raaderum.platform.messaging.config.MessagingConfig;

import io.quarkus.scheduler.Scheduled;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/** Deletes relayed outbox rows and forgotten processed-event ids after their retention. */
@ApplicationScoped
public class OutboxHousekeeping {

    private static final Logger LOG = Logger.getLogger(OutboxHousekeeping.class);

    private final OutboxRepository outbox;
    private final EntityManager entityManager;
    private final Clock clock;
    private final MessagingConfig config;

    public OutboxHousekeeping(OutboxRepository outbox, EntityManager entityManager, Clock clock, MessagingConfig config) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void cleanUp() {
        Instant now = clock.instant();
        long events = outbox.deleteSentBefore(now.minus(config.outbox().retention()));
        int processed = entityManager.createNativeQuery("delete from processed_event where processed_at < ?1")
                .setParameter(1, now.minus(config.consumer().processedRetention()))
                .executeUpdate();
        if (events > 0 || processed > 0) {
            LOG.infof("Housekeeping: deleted %d relayed outbox event(s) and %d processed-event id(s)", events, processed);
        }
    }
}
