package dk.raaderum.ideabank.repository;

import dk.raaderum.ideabank.domain.CatalogRef;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;

@ApplicationScoped
public class CatalogRefRepository implements PanacheRepositoryBase<CatalogRef, Long> {

    public Optional<CatalogRef> forUpdate(long catalogId) {
        return findByIdOptional(catalogId, LockModeType.PESSIMISTIC_WRITE);
    }
}
