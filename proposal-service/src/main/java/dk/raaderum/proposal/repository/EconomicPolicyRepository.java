package dk.raaderum.proposal.repository;

import dk.raaderum.proposal.domain.EconomicPolicyCopy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jakarta.enterprise.context.ApplicationScoped;

/** The read model of economic policies, one row per municipality (its primary key). */
@ApplicationScoped
public class EconomicPolicyRepository implements PanacheRepositoryBase<EconomicPolicyCopy, String> {
}
