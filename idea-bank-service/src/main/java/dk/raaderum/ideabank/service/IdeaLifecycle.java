package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.IdeaContent;
import dk.raaderum.ideabank.domain.IdeaContent.Change;
import dk.raaderum.ideabank.domain.IdeaHistoryEntry.Action;
import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.messaging.IdeaEvents;
import dk.raaderum.ideabank.messaging.IdeaEvents.WithdrawnBy;
import dk.raaderum.platform.web.security.Actor;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The status steps of an idea with everything that goes with them, whoever takes them: the idea checks the step
 * ({@link Idea#moveTo}), its family and duplicate candidates follow, the step is recorded and its event published.
 */
@ApplicationScoped
public class IdeaLifecycle {

    private final IdeaWriter writer;
    private final Families families;
    private final DuplicatePairs pairs;
    private final IdeaEvents events;
    private final Clock clock;

    public IdeaLifecycle(IdeaWriter writer, Families families, DuplicatePairs pairs, IdeaEvents events, Clock clock) {
        this.writer = writer;
        this.families = families;
        this.pairs = pairs;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Publishes the idea with {@code corrected} content (normalised and checked), or, when it is published already,
     * publishes the correction; false when a published idea was not changed.
     */
    public boolean publish(Idea idea, IdeaContent corrected, Actor actor, String comment) {
        boolean first = idea.status != IdeaStatus.PUBLISHED;
        List<Change> changes = corrected.changesFrom(idea.content());
        if (!first && changes.isEmpty()) {
            return false;
        }
        idea.moveTo(IdeaStatus.PUBLISHED, clock.instant());
        writer.replace(idea, corrected);
        writer.record(idea, first ? Action.PUBLISHED : Action.CORRECTED, actor, comment, changes);
        events.published(idea);
        return true;
    }

    public void reject(Idea idea, Actor actor, String reason) {
        IdeaStatus previous = idea.status;
        Instant now = clock.instant();
        idea.moveTo(IdeaStatus.REJECTED, now);
        families.leave(idea, actor, reason);
        writer.record(idea, Action.REJECTED, actor, reason, List.of());
        events.rejected(idea, previous, reason, now);
        pairs.resolveAllOf(idea.id, actor, "rejected: " + reason);
    }

    /** Withdraws the idea from the bank (it stays readable to its municipality and KL, with its history). */
    public void withdraw(Idea idea, Actor actor, WithdrawnBy by, String reason) {
        IdeaStatus previous = idea.status;
        Instant now = clock.instant();
        idea.moveTo(IdeaStatus.WITHDRAWN, now);
        families.leave(idea, actor, reason);
        writer.record(idea, Action.WITHDRAWN, actor, reason, List.of());
        events.withdrawn(idea, previous, by, reason, now);
        pairs.resolveAllOf(idea.id, actor, "withdrawn: " + reason);
    }
}
