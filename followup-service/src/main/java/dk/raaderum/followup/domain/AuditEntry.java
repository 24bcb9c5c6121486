package dk.raaderum.followup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One line of an audit trail: who did what when. Append-only. A line belongs to an initiative's trail, an investment
 * pool's (then {@code poolId}, and {@code applicationId} for a line about one application), or both (a grant).
 */
@Entity
@Table(name = "initiative_audit")
public class AuditEntry {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "initiative_id")
    public Long initiativeId;

    @Column(name = "pool_id")
    public Long poolId;

    @Column(name = "application_id")
    public Long applicationId;

    @Column(nullable = false)
    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public AuditAction action;

    @Column(name = "actor_id", nullable = false, length = 200)
    public String actorId;

    @Column(name = "actor_name", nullable = false, length = 200)
    public String actorName;

    @Column(nullable = false, columnDefinition = "text")
    public String detail;
}
