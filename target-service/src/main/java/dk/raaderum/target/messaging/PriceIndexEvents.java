package dk.raaderum.target.messaging;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.target.PriceIndexChangedV1;
import dk.raaderum.platform.messaging.outbox.Outbox;

import jakarta.enterprise.context.ApplicationScoped;

/** Publishes {@code price-index.changed} through the outbox, in the caller's transaction (docs/events.md). */
@ApplicationScoped
public class PriceIndexEvents {

    private final Outbox outbox;

    public PriceIndexEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Key = the municipality code; the payload is the whole effective series. */
    public void changed(PriceIndexChangedV1 payload) {
        outbox.publish(Events.PRICE_INDEX_CHANGED, payload.municipality(), payload.municipality(), payload);
    }
}
