package dk.raaderum.followup.domain;

import dk.raaderum.platform.events.ResponsibleBody;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A decision on an application to an investment pool. Append-only. */
@Entity
@Table(name = "investment_application_decision")
public class ApplicationDecision {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "application_id", nullable = false)
    public long applicationId;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public PoolDecisionKind kind;

    @Column(columnDefinition = "text")
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "deciding_body", length = 20)
    public ResponsibleBody decidingBody;

    @Column(name = "deciding_body_name", length = 200)
    public String decidingBodyName;

    @Column(name = "decision_reference", length = 300)
    public String decisionReference;

    /** GRANT: the initiative it created. */
    @Column(name = "initiative_id")
    public Long initiativeId;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "decided_by", nullable = false, length = 200)
    public String decidedBy;

    @Column(name = "decided_by_id", nullable = false, length = 200)
    public String decidedById;
}
