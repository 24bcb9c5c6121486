package dk.raaderum.target.domain;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.Instant;

/** Who created a record and who last changed it, when, and its version for optimistic locking. */
@MappedSuperclass
public abstract class Audited {

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    @Version
    public long version;

    /** Created (and so last changed) by {@code by} at {@code at}. */
    public void created(String by, Instant at) {
        createdBy = by;
        createdAt = at;
        changed(by, at);
    }

    /** Last changed by {@code by} at {@code at}. */
    public void changed(String by, Instant at) {
        updatedBy = by;
        updatedAt = at;
    }
}
