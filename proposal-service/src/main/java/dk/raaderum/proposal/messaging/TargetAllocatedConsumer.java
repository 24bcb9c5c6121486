package dk.raaderum.proposal.messaging;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.messaging.consumer.IdempotentConsumer;
import dk.raaderum.platform.messaging.consumer.Subscription;
import dk.raaderum.proposal.service.TargetReadModel;

import io.smallrye.common.annotation.Blocking;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** target-service's allocations into the local read model, once per event. */
@ApplicationScoped
public class TargetAllocatedConsumer {

    static final String CONSUMER = "proposal-service.target-allocated";

    private final IdempotentConsumer consumer;
    private final TargetReadModel readModel;

    public TargetAllocatedConsumer(IdempotentConsumer consumer, TargetReadModel readModel) {
        this.consumer = consumer;
        this.readModel = readModel;
    }

    @Incoming("target-allocated")
    @Blocking
    public void onTargetAllocated(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, Subscription.on(Events.TARGET_ALLOCATED, readModel::apply));
    }
}
