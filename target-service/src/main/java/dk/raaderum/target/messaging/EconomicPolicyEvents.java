package dk.raaderum.target.messaging;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1;
import dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1.YearValue;
import dk.raaderum.platform.messaging.outbox.Outbox;
import dk.raaderum.target.domain.EconomicPolicy;
import dk.raaderum.target.domain.KeyFigure;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Publishes {@code economic-policy.adopted} through the outbox, in the caller's transaction (docs/events.md). */
@ApplicationScoped
public class EconomicPolicyEvents {

    private final Outbox outbox;

    public EconomicPolicyEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Key = the municipality code; the payload is the whole adopted version with every key figure. */
    public void adopted(EconomicPolicy policy, List<KeyFigure> figures) {
        outbox.publish(Events.ECONOMIC_POLICY_ADOPTED, policy.municipality, policy.municipality,
                new EconomicPolicyAdoptedV1(policy.municipality, policy.id, policy.policyVersion, policy.firstBudgetYear,
                        policy.priceLevelYear, figures.stream().map(EconomicPolicyEvents::figure).toList(),
                        policy.decisionReference, policy.adoptedBy, policy.adoptedAt));
    }

    private static EconomicPolicyAdoptedV1.KeyFigure figure(KeyFigure figure) {
        return new EconomicPolicyAdoptedV1.KeyFigure(figure.key(), figure.name(), figure.kind().name(),
                figure.unit().name(), figure.boundType().name(), values(figure.bounds()),
                figure.baseline().isEmpty() ? null : values(figure.baseline()),
                figure.hasBasis() ? values(figure.basis()) : null);
    }

    private static List<YearValue> values(List<KeyFigure.YearFigure> values) {
        return values.stream().map(v -> new YearValue(v.year(), v.value())).toList();
    }
}
