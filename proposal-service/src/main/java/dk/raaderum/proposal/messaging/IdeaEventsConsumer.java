package dk.raaderum.proposal.messaging;

import static dk.raaderum.platform.messaging.consumer.Subscription.on;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.messaging.consumer.IdempotentConsumer;
import dk.raaderum.proposal.service.IdeaCopies;
import dk.raaderum.proposal.service.IdeaReadModel;

import io.smallrye.common.annotation.Blocking;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The idea bank's events: which ideas are published ({@link IdeaReadModel}) and "use this idea" requests
 * ({@link IdeaCopies}). Each event is processed once per consumer name; what cannot be processed goes to
 * {@code <topic>.dlq}.
 */
@ApplicationScoped
public class IdeaEventsConsumer {

    private final IdempotentConsumer consumer;
    private final IdeaReadModel ideas;
    private final IdeaCopies copies;

    public IdeaEventsConsumer(IdempotentConsumer consumer, IdeaReadModel ideas, IdeaCopies copies) {
        this.consumer = consumer;
        this.ideas = ideas;
        this.copies = copies;
    }

    @Incoming("idea-published")
    @Blocking
    public void onPublished(ConsumerRecord<String, String> record) {
        consumer.process("proposal-service.idea-published", record, on(Events.IDEA_PUBLISHED, ideas::published));
    }

    @Incoming("idea-withdrawn")
    @Blocking
    public void onWithdrawn(ConsumerRecord<String, String> record) {
        consumer.process("proposal-service.idea-withdrawn", record, on(Events.IDEA_WITHDRAWN, ideas::withdrawn));
    }

    @Incoming("idea-rejected")
    @Blocking
    public void onRejected(ConsumerRecord<String, String> record) {
        consumer.process("proposal-service.idea-rejected", record, on(Events.IDEA_REJECTED, ideas::rejected));
    }

    @Incoming("idea-copy-requested")
    @Blocking
    public void onCopyRequested(ConsumerRecord<String, String> record) {
        consumer.process("proposal-service.idea-copy-requested", record, on(Events.IDEA_COPY_REQUESTED,
                copies::requested));
    }
}
