package dk.raaderum.followup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of an initiative's audit trail: who did what when. Append-only. */
@Entity
@Table(name = "initiative_audit")
public class AuditEntry {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "initiative_id", nullable = false)
    public long initiativeId;

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
