package dk.raaderum.proposal.messaging;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.messaging.consumer.IdempotentConsumer;
import dk.raaderum.platform.messaging.consumer.Subscription;
import dk.raaderum.proposal.service.EconomicPolicyReadModel;

import io.smallrye.common.annotation.Blocking;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** target-service's economic policies into the local read model, once per event (the highest version wins). */
@ApplicationScoped
public class EconomicPolicyConsumer {

    static final String CONSUMER = "proposal-service.economic-policy-adopted";

    private final IdempotentConsumer consumer;
    private final EconomicPolicyReadModel readModel;

    public EconomicPolicyConsumer(IdempotentConsumer consumer, EconomicPolicyReadModel readModel) {
        this.consumer = consumer;
        this.readModel = readModel;
    }

    @Incoming("economic-policy-adopted")
    @Blocking
    public void onAdopted(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, Subscription.on(Events.ECONOMIC_POLICY_ADOPTED, readModel::apply));
    }
}
