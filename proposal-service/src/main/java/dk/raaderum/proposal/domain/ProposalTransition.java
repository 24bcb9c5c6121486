package dk.raaderum.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One step of a proposal's workflow: who moved it from where to where, when and why. Never changed. */
@Entity
@Table(name = "proposal_transition")
public class ProposalTransition {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "proposal_id", nullable = false)
    public Long proposalId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 20)
    public ProposalStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 20)
    public ProposalStatus toStatus;

    @Column(name = "actor_id", nullable = false, length = 200)
    public String actorId;

    @Column(name = "actor_name", nullable = false, length = 200)
    public String actorName;

    @Column(nullable = false)
    public Instant at;

    @Column(columnDefinition = "text")
    public String comment;

    /** The transition overrode the karensperiode (the reason is the comment). */
    @Column(name = "karens_override", nullable = false)
    public boolean karensOverride;
}
