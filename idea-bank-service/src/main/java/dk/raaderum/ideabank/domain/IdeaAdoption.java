package dk.raaderum.ideabank.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A proposal that came from an idea (copied, or naming it as its origin) or was shared as one, and how far it got in
 * its municipality's catalog, as proposal-service's events tell. Events come on several topics: the newest by its
 * time wins, and having been presented is kept.
 */
@Entity
@Table(name = "idea_adoption")
public class IdeaAdoption {

    /** How the proposal is tied to the idea. */
    public enum Via {
        /** "Use this idea" made it. */
        COPY,
        /** Its author named the idea as its origin. */
        ORIGIN,
        /** The idea is the proposal, shared by its municipality. */
        SHARED
    }

    public enum Status {
        COPIED, SUBMITTED, PRESENTED, ADOPTED, REJECTED, WITHDRAWN;

        /** A catalog status as the idea bank counts it: a draft is a copy, a qualified proposal still submitted. */
        public static Status ofProposal(String status) {
            return switch (status) {
                case "DRAFT" -> COPIED;
                case "QUALIFIED" -> SUBMITTED;
                default -> valueOf(status);
            };
        }
    }

    @Id
    @Column(name = "proposal_id")
    public long proposalId;

    @Column(name = "idea_id", nullable = false)
    public long ideaId;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    @Column(name = "catalog_id", nullable = false)
    public long catalogId;

    @Column(length = 20)
    public String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Via via;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status;

    @Column(name = "status_at", nullable = false)
    public Instant statusAt;

    /** Presented to the politicians at some point (adopted and rejected proposals were). */
    @Column(nullable = false)
    public boolean presented;

    /** Takes a status unless an event newer than this one already told more; true when anything changed. */
    public boolean follow(Status news, Instant at) {
        boolean wasPresented = presented;
        presented |= news == Status.PRESENTED || news == Status.ADOPTED || news == Status.REJECTED;
        if (statusAt != null && at.isBefore(statusAt)) {
            return presented != wasPresented;
        }
        boolean changed = news != status || presented != wasPresented;
        status = news;
        statusAt = at;
        return changed;
    }
}
