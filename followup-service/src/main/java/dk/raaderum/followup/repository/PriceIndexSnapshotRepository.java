package dk.raaderum.followup.repository;

import dk.raaderum.followup.domain.PriceIndexSnapshot;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PriceIndexSnapshotRepository implements PanacheRepositoryBase<PriceIndexSnapshot, String> {
}
