package dk.raaderum.ideabank.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A follow-up initiative as followup-service's events tell: the adopted proposal it follows (which ties it to an idea
 * through {@link IdeaAdoption}), whether it was stopped, and the narrative its municipality shared.
 */
@Entity
@Table(name = "initiative_evidence")
public class InitiativeEvidence {

    @Id
    @Column(name = "initiative_id")
    public long initiativeId;

    @Column(name = "proposal_id")
    public Long proposalId;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(name = "catalog_year", nullable = false)
    public int catalogYear;

    @Column(nullable = false, length = 300)
    public String title;

    /** Decision TERMINATE: the initiative was stopped. */
    @Column(name = "terminated_at")
    public Instant terminatedAt;

    @Column(name = "termination_reason", columnDefinition = "text")
    public String terminationReason;

    /** Decision SHARE: the municipality offered its experience to others. */
    @Column(name = "shared_at")
    public Instant sharedAt;

    @Column(name = "shared_narrative", columnDefinition = "text")
    public String sharedNarrative;
}
