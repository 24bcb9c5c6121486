package dk.raaderum.ideabank.messaging;

import static dk.raaderum.platform.messaging.consumer.Subscription.on;

import dk.raaderum.ideabank.service.SharedProposals;
import dk.raaderum.ideabank.service.SharedProposals.Shared;
import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.messaging.consumer.IdempotentConsumer;

import io.smallrye.common.annotation.Blocking;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Shared proposals come into the idea bank through proposal-service's events ({@link SharedProposals}). Each event
 * is processed once per consumer name; what cannot be processed goes to {@code <topic>.dlq}.
 */
@ApplicationScoped
public class ProposalEventsConsumer {

    private final IdempotentConsumer consumer;
    private final SharedProposals shared;

    public ProposalEventsConsumer(IdempotentConsumer consumer, SharedProposals shared) {
        this.consumer = consumer;
        this.shared = shared;
    }

    @Incoming("proposal-presented")
    @Blocking
    public void onPresented(ConsumerRecord<String, String> record) {
        consumer.process("idea-bank-service.proposal-presented", record, on(Events.PROPOSAL_PRESENTED,
                event -> shared.changed(event.municipality(), Shared.of(event.payload()), event.time())));
    }

    @Incoming("proposal-adopted")
    @Blocking
    public void onAdopted(ConsumerRecord<String, String> record) {
        consumer.process("idea-bank-service.proposal-adopted", record, on(Events.PROPOSAL_ADOPTED,
                event -> shared.changed(event.municipality(), Shared.of(event.payload()), event.time())));
    }

    @Incoming("proposal-rejected")
    @Blocking
    public void onRejected(ConsumerRecord<String, String> record) {
        consumer.process("idea-bank-service.proposal-rejected", record, on(Events.PROPOSAL_REJECTED,
                event -> shared.changed(event.municipality(), Shared.of(event.payload()), event.time())));
    }

    @Incoming("proposal-sharing-changed")
    @Blocking
    public void onSharingChanged(ConsumerRecord<String, String> record) {
        consumer.process("idea-bank-service.proposal-sharing-changed", record, on(Events.PROPOSAL_SHARING_CHANGED,
                event -> shared.changed(event.municipality(), Shared.of(event.payload()), event.time())));
    }

    @Incoming("proposal-withdrawn")
    @Blocking
    public void onWithdrawn(ConsumerRecord<String, String> record) {
        consumer.process("idea-bank-service.proposal-withdrawn", record, on(Events.PROPOSAL_WITHDRAWN,
                event -> shared.withdrawn(event.municipality(), event.payload().proposalId(), event.time())));
    }
}
