package dk.raaderum.target.messaging;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.target.PolicyAreasChangedV1;
import dk.raaderum.platform.events.target.PolicyAreasChangedV1.RegisteredArea;
import dk.raaderum.platform.messaging.outbox.Outbox;
import dk.raaderum.target.domain.PolicyArea;
import dk.raaderum.target.domain.PolicyAreaRegister;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Publishes {@code policy-area.changed} through the outbox, in the caller's transaction (docs/events.md). */
@ApplicationScoped
public class PolicyAreaEvents {

    private final Outbox outbox;

    public PolicyAreaEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** {@code policy-area.changed}, key = municipality code: the whole register, retired areas included. */
    public void changed(PolicyAreaRegister register, List<PolicyArea> areas) {
        outbox.publish(Events.POLICY_AREA_CHANGED, register.municipality, register.municipality,
                new PolicyAreasChangedV1(register.revision, areas.stream()
                        .map(a -> new RegisteredArea(a.code, a.name, a.mainAccount, a.committee, a.active)).toList(),
                        register.changedAt));
    }
}
