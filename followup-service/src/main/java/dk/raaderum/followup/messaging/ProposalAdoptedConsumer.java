package dk.raaderum.followup.messaging;

import dk.raaderum.followup.service.InitiativeService;
import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.messaging.consumer.IdempotentConsumer;
import dk.raaderum.platform.messaging.consumer.Subscription;

import io.smallrye.common.annotation.Blocking;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * proposal.adopted → an initiative in the benefit register. Idempotent twice over: the event id is recorded with
 * the handling (a redelivery is a no-op), and a proposal that is an initiative already is skipped. It reads no other
 * topic, so the order of events across topics does not matter.
 */
@ApplicationScoped
public class ProposalAdoptedConsumer {

    static final String CONSUMER = "followup-service.proposal-adopted";

    private final IdempotentConsumer consumer;
    private final InitiativeService initiatives;

    public ProposalAdoptedConsumer(IdempotentConsumer consumer, InitiativeService initiatives) {
        this.consumer = consumer;
        this.initiatives = initiatives;
    }

    @Incoming("proposal-adopted")
    @Blocking
    public void onAdopted(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, Subscription.on(Events.PROPOSAL_ADOPTED,
                event -> initiatives.registerAdopted(event.municipality(), event.payload(), event.time())));
    }
}
