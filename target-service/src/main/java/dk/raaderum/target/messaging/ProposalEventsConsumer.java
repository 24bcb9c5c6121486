package dk.raaderum.target.messaging;

import static dk.raaderum.platform.messaging.consumer.Subscription.on;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.messaging.consumer.IdempotentConsumer;
import dk.raaderum.target.service.ProposalLedger;

import io.smallrye.common.annotation.Blocking;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes proposal-service's events for coverage and the five paths. Each event is processed once per consumer name
 * (the event id is recorded in the handler's transaction); the handlers tolerate any order across the three topics
 * ({@link ProposalLedger}). What cannot be processed goes to {@code <topic>.dlq}.
 */
@ApplicationScoped
public class ProposalEventsConsumer {

    private final IdempotentConsumer consumer;
    private final ProposalLedger ledger;

    public ProposalEventsConsumer(IdempotentConsumer consumer, ProposalLedger ledger) {
        this.consumer = consumer;
        this.ledger = ledger;
    }

    @Incoming("proposal-adopted")
    @Blocking
    public void onProposalAdopted(ConsumerRecord<String, String> record) {
        consumer.process("target-service.proposal-adopted", record,
                on(Events.PROPOSAL_ADOPTED, event -> ledger.adopted(event.municipality(), event.payload(), event.time())));
    }

    @Incoming("proposal-withdrawn")
    @Blocking
    public void onProposalWithdrawn(ConsumerRecord<String, String> record) {
        consumer.process("target-service.proposal-withdrawn", record,
                on(Events.PROPOSAL_WITHDRAWN, event -> ledger.withdrawn(event.municipality(), event.payload(), event.time())));
    }

    @Incoming("catalog-adopted")
    @Blocking
    public void onCatalogAdopted(ConsumerRecord<String, String> record) {
        consumer.process("target-service.catalog-adopted", record,
                on(Events.CATALOG_ADOPTED, event -> ledger.catalogAdopted(event.municipality(), event.payload(), event.time())));
    }
}
