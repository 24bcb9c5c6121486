package dk.raaderum.ideabank.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * "Use this idea": a finance officer's request for a published idea as a draft proposal in one of the municipality's
 * catalogs, and proposal-service's answer (the draft made, or why none was).
 */
@Entity
@Table(name = "idea_copy")
public class IdeaCopy {

    public enum Status {
        /** Sent to proposal-service, no answer yet. */
        PENDING,
        /** The draft is made: {@link #proposalId}. */
        COMPLETED,
        /** No draft was made: {@link #reason}, {@link #detail}. */
        FAILED,
        /** The draft was made and later withdrawn in the catalog: the idea may be used there again. */
        PROPOSAL_WITHDRAWN
    }

    @Id
    public UUID id;

    @Column(name = "idea_id", nullable = false)
    public long ideaId;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(name = "catalog_id", nullable = false)
    public long catalogId;

    @Column(name = "area_code", nullable = false, length = 10)
    public String areaCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status = Status.PENDING;

    @Column(name = "budget_year")
    public Integer budgetYear;

    @Column(name = "proposal_id")
    public Long proposalId;

    @Column(name = "proposal_number", length = 20)
    public String proposalNumber;

    @Column(length = 40)
    public String reason;

    @Column(columnDefinition = "text")
    public String detail;

    @Column(name = "requested_by", nullable = false, length = 200)
    public String requestedBy;

    @Column(name = "requested_by_id", nullable = false, length = 200)
    public String requestedById;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** The draft it made was withdrawn in the catalog. */
    public void proposalWithdrawn() {
        if (status == Status.COMPLETED) {
            status = Status.PROPOSAL_WITHDRAWN;
        }
    }

    /** Takes proposal-service's answer once; a repeated or late answer changes nothing. */
    public boolean answer(Long proposal, String number, Integer year, String failure, String why, Instant at) {
        if (status != Status.PENDING) {
            return false;
        }
        status = failure == null ? Status.COMPLETED : Status.FAILED;
        proposalId = proposal;
        proposalNumber = number;
        budgetYear = year;
        reason = failure;
        detail = why;
        answeredAt = at;
        return true;
    }
}
