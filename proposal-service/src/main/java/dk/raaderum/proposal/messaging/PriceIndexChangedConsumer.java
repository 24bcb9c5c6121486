package dk.raaderum.proposal.messaging;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.messaging.consumer.IdempotentConsumer;
import dk.raaderum.platform.messaging.consumer.Subscription;
import dk.raaderum.proposal.service.PriceIndexReadModel;

import io.smallrye.common.annotation.Blocking;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * price-index.changed → the municipality's price index (read model), for the simulation's PL-regulering of targets. Idempotent: the event id is recorded with the
 * handling, and an event older than the version held changes nothing.
 */
@ApplicationScoped
public class PriceIndexChangedConsumer {

    static final String CONSUMER = "proposal-service.price-index-changed";

    private final IdempotentConsumer consumer;
    private final PriceIndexReadModel priceIndexes;

    public PriceIndexChangedConsumer(IdempotentConsumer consumer, PriceIndexReadModel priceIndexes) {
        this.consumer = consumer;
        this.priceIndexes = priceIndexes;
    }

    @Incoming("price-index-changed")
    @Blocking
    public void onChanged(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, Subscription.on(Events.PRICE_INDEX_CHANGED,
                event -> priceIndexes.apply(event.municipality(), event.payload(), event.time())));
    }
}
