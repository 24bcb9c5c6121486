package dk.raaderum.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** When one user (token subject) last looked at a catalog: the start of "what changed since I last looked". */
@Entity
@Table(name = "catalog_seen")
public class CatalogSeen {

    @Embeddable
    public record Key(@Column(name = "catalog_id", nullable = false) Long catalogId,
            @Column(name = "user_id", nullable = false, length = 200) String userId) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "seen_at", nullable = false)
    public Instant seenAt;
}
