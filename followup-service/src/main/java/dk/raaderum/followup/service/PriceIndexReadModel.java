package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.PriceIndexSnapshot;
import dk.raaderum.platform.messaging.priceindex.PriceIndexReadModelBase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;

/**
 * Each municipality's effective price index, from target-service's {@code price-index.changed} (the owner of the
 * index); the platform's default (KL's PL for service expenses) until the first event arrives. The rules are the
 * platform's ({@link PriceIndexReadModelBase}).
 */
@ApplicationScoped
public class PriceIndexReadModel extends PriceIndexReadModelBase<PriceIndexSnapshot> {

    public PriceIndexReadModel(EntityManager entityManager, Clock clock) {
        super(entityManager, clock, PriceIndexSnapshot.class, PriceIndexSnapshot::new);
    }
}
