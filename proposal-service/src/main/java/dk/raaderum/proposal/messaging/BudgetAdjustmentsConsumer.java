package dk.raaderum.proposal.messaging;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.messaging.consumer.IdempotentConsumer;
import dk.raaderum.platform.messaging.consumer.Subscription;
import dk.raaderum.proposal.service.BudgetAdjustmentReadModel;

import io.smallrye.common.annotation.Blocking;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** target-service's technical budget adjustments into the local read model, once per event (highest revision wins). */
@ApplicationScoped
public class BudgetAdjustmentsConsumer {

    static final String CONSUMER = "proposal-service.budget-adjustments-changed";

    private final IdempotentConsumer consumer;
    private final BudgetAdjustmentReadModel readModel;

    public BudgetAdjustmentsConsumer(IdempotentConsumer consumer, BudgetAdjustmentReadModel readModel) {
        this.consumer = consumer;
        this.readModel = readModel;
    }

    @Incoming("budget-adjustments-changed")
    @Blocking
    public void onChanged(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, Subscription.on(Events.BUDGET_ADJUSTMENTS_CHANGED, readModel::apply));
    }
}
