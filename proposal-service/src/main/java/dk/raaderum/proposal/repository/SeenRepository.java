package dk.raaderum.proposal.repository;

import dk.raaderum.proposal.domain.CatalogSeen;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class SeenRepository implements PanacheRepositoryBase<CatalogSeen, CatalogSeen.Key> {

    public Optional<Instant> seenAt(long catalogId, String userId) {
        return findByIdOptional(new CatalogSeen.Key(catalogId, userId)).map(seen -> seen.seenAt);
    }

    /** Sets when the user last saw the catalog; two requests of the same user at once do not collide. */
    public void mark(long catalogId, String userId, Instant seenAt) {
        getEntityManager().createNativeQuery("insert into catalog_seen (catalog_id, user_id, seen_at) values (?1, ?2, ?3)"
                + " on conflict (catalog_id, user_id) do update set seen_at = excluded.seen_at")
                .setParameter(1, catalogId).setParameter(2, userId).setParameter(3, seenAt).executeUpdate();
    }
}
