package dk.raaderum.followup.service;

import io.quarkus.scheduler.Scheduled;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Finds report slots past their due date, every {@code raaderum.followup.overdue.every} (default 1m; the date
 * comes from the injected clock, so tests move time instead of waiting). Works in batches, each its own transaction.
 */
@ApplicationScoped
public class OverdueJob {

    private static final Logger LOG = Logger.getLogger(OverdueJob.class);

    private final OverdueService overdue;

    public OverdueJob(OverdueService overdue) {
        this.overdue = overdue;
    }

    @Scheduled(identity = "followup-overdue", every = "${raaderum.followup.overdue.every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        int total = 0;
        int marked;
        do {
            marked = overdue.markOverdueBatch();
            total += marked;
        } while (marked == overdue.batchSize());
        if (total > 0) {
            LOG.infof("Overdue job: %d report slot(s) passed their due date", total);
        }
    }
}
