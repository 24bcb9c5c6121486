package dk.raaderum.ideabank.messaging;

import static dk.raaderum.platform.messaging.consumer.Subscription.on;

import dk.raaderum.ideabank.service.Adoptions;
import dk.raaderum.ideabank.service.Adoptions.ProposalNews;
import dk.raaderum.ideabank.service.CatalogReadModel;
import dk.raaderum.ideabank.service.IdeaCopyRequests;
import dk.raaderum.ideabank.service.SharedProposals;
import dk.raaderum.ideabank.service.SharedProposals.Shared;
import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.messaging.consumer.IdempotentConsumer;

import io.smallrye.common.annotation.Blocking;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * proposal-service's events: shared proposals come into the idea bank, corrections included ({@link SharedProposals}), proposals from ideas
 * are followed ({@link Adoptions}), and "use this idea" requests get their answer ({@link IdeaCopyRequests}). Each
 * event is processed once per consumer name; what cannot be processed goes to {@code <topic>.dlq}.
 */
@ApplicationScoped
public class ProposalEventsConsumer {

    private final IdempotentConsumer consumer;
    private final SharedProposals shared;
    private final Adoptions adoptions;
    private final IdeaCopyRequests copies;
    private final CatalogReadModel catalogs;

    public ProposalEventsConsumer(IdempotentConsumer consumer, SharedProposals shared, Adoptions adoptions,
            IdeaCopyRequests copies, CatalogReadModel catalogs) {
        this.consumer = consumer;
        this.shared = shared;
        this.adoptions = adoptions;
        this.copies = copies;
        this.catalogs = catalogs;
    }

    @Incoming("proposal-presented")
    @Blocking
    public void onPresented(ConsumerRecord<String, String> record) {
        consumer.process("idea-bank-service.proposal-presented", record, on(Events.PROPOSAL_PRESENTED, event -> {
                    shared.changed(event.municipality(), Shared.of(event.payload()), event.time());
                    adoptions.follow(event.municipality(), ProposalNews.of(event.payload()), event.time());
                }));
    }

    @Incoming("proposal-adopted")
    @Blocking
    public void onAdopted(ConsumerRecord<String, String> record) {
        consumer.process("idea-bank-service.proposal-adopted", record, on(Events.PROPOSAL_ADOPTED, event -> {
                    shared.changed(event.municipality(), Shared.of(event.payload()), event.time());
                    adoptions.follow(event.municipality(), ProposalNews.of(event.payload()), event.time());
                }));
    }

    @Incoming("proposal-rejected")
    @Blocking
    public void onRejected(ConsumerRecord<String, String> record) {
        consumer.process("idea-bank-service.proposal-rejected", record, on(Events.PROPOSAL_REJECTED, event -> {
                    shared.changed(event.municipality(), Shared.of(event.payload()), event.time());
                    adoptions.follow(event.municipality(), ProposalNews.of(event.payload()), event.time());
                }));
    }

    @Incoming("proposal-sharing-changed")
    @Blocking
    public void onSharingChanged(ConsumerRecord<String, String> record) {
        consumer.process("idea-bank-service.proposal-sharing-changed", record, on(Events.PROPOSAL_SHARING_CHANGED, event -> {
                    shared.changed(event.municipality(), Shared.of(event.payload()), event.time());
                    adoptions.follow(event.municipality(), ProposalNews.of(event.payload()), event.time());
                }));
    }

    @Incoming("proposal-corrected")
    @Blocking
    public void onCorrected(ConsumerRecord<String, String> record) {
        consumer.process("idea-bank-service.proposal-corrected", record, on(Events.PROPOSAL_CORRECTED, event ->
                shared.corrected(event.municipality(), Shared.of(event.payload()), event.payload().comment(),
                        event.time())));
    }

    @Incoming("proposal-withdrawn")
    @Blocking
    public void onWithdrawn(ConsumerRecord<String, String> record) {
        consumer.process("idea-bank-service.proposal-withdrawn", record, on(Events.PROPOSAL_WITHDRAWN, event -> {
                    shared.withdrawn(event.municipality(), event.payload().proposalId(), event.time());
                    adoptions.follow(event.municipality(), ProposalNews.of(event.payload()), event.time());
                }));
    }

    @Incoming("proposal-drafted-from-idea")
    @Blocking
    public void onDraftedFromIdea(ConsumerRecord<String, String> record) {
        consumer.process("idea-bank-service.proposal-drafted-from-idea", record, on(Events.PROPOSAL_DRAFTED_FROM_IDEA,
                copies::drafted));
    }

    @Incoming("proposal-idea-copy-refused")
    @Blocking
    public void onIdeaCopyRefused(ConsumerRecord<String, String> record) {
        consumer.process("idea-bank-service.proposal-idea-copy-refused", record, on(Events.IDEA_COPY_REFUSED,
                copies::refused));
    }

    @Incoming("catalog-changed")
    @Blocking
    public void onCatalogChanged(ConsumerRecord<String, String> record) {
        consumer.process("idea-bank-service.catalog-changed", record, on(Events.CATALOG_CHANGED, catalogs::changed));
    }
}
