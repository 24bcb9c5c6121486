package dk.raaderum.proposal.messaging;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.messaging.consumer.IdempotentConsumer;
import dk.raaderum.platform.messaging.consumer.Subscription;
import dk.raaderum.proposal.service.AreaRegisterCopy;

import io.smallrye.common.annotation.Blocking;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** target-service's registers of policy areas into the local copy, once per event. */
@ApplicationScoped
public class PolicyAreaConsumer {

    static final String CONSUMER = "proposal-service.policy-area-changed";

    private final IdempotentConsumer consumer;
    private final AreaRegisterCopy registers;

    public PolicyAreaConsumer(IdempotentConsumer consumer, AreaRegisterCopy registers) {
        this.consumer = consumer;
        this.registers = registers;
    }

    @Incoming("policy-area-changed")
    @Blocking
    public void onPolicyAreaChanged(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, Subscription.on(Events.POLICY_AREA_CHANGED, registers::apply));
    }
}
