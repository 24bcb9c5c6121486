package dk.raaderum.target.service;

import dk.raaderum.target.domain.AllocationRound;
import dk.raaderum.target.domain.EfficiencyTarget;
import dk.raaderum.target.messaging.TargetEvents;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * Publishes an adopted target's allocation round ({@code target.allocated}, through the outbox, in the caller's
 * transaction) and brings the coverage of its budget year up to date. Draft rounds never leave the service.
 */
@ApplicationScoped
public class TargetPublisher {

    private final TargetEvents events;
    private final CoverageProjector coverage;
    private final Clock clock;

    public TargetPublisher(TargetEvents events, CoverageProjector coverage, Clock clock) {
        this.events = events;
        this.coverage = coverage;
        this.clock = clock;
    }

    void publish(EfficiencyTarget target, AllocationRound round) {
        if (!target.isAdopted()) {
            throw new IllegalStateException("Only adopted targets are published; target " + target.id + " is " + target.status);
        }
        round.publishedAt = clock.instant();
        target.publishedRound = round.round;
        events.allocated(target, round);
        coverage.refresh(target.municipality, target.budgetYear, null);
    }
}
