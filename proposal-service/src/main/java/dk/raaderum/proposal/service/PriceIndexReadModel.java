package dk.raaderum.proposal.service;

import dk.raaderum.proposal.domain.PriceIndexSnapshot;
import dk.raaderum.platform.messaging.priceindex.PriceIndexReadModelBase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;

/**
 * Each municipality's effective price index, from target-service's {@code price-index.changed} (the owner of the
 * index); the platform's default (KL's PL for service expenses) until the first event arrives; the simulation converts targets with it. The rules are the
 * platform's ({@link PriceIndexReadModelBase}).
 */
@ApplicationScoped
public class PriceIndexReadModel extends PriceIndexReadModelBase<PriceIndexSnapshot> {

    public PriceIndexReadModel(EntityManager entityManager, Clock clock) {
        super(entityManager, clock, PriceIndexSnapshot.class, PriceIndexSnapshot::new);
    }
}
