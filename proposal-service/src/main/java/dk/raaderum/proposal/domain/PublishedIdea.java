package dk.raaderum.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Read model of the idea bank's events: an idea as proposal-service needs it to accept it as a proposal's origin.
 * The newest event (by its time) wins, whichever topic it came on.
 */
@Entity
@Table(name = "published_idea")
public class PublishedIdea {

    /** Where the idea stands in the idea bank; only PUBLISHED ideas may be copied or named as an origin. */
    public enum Status {
        PUBLISHED, WITHDRAWN, REJECTED, MERGED
    }

    @Id
    @Column(name = "idea_id")
    public long ideaId;

    @Column(nullable = false)
    public long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    /** Takes an event's news unless the event is older than what is known. */
    public boolean apply(Status newStatus, Long newVersion, String newTitle, Instant at) {
        if (changedAt != null && at.isBefore(changedAt)) {
            return false;
        }
        status = newStatus;
        if (newVersion != null) {
            version = Math.max(version, newVersion);
        }
        if (newTitle != null) {
            title = newTitle.length() > 300 ? newTitle.substring(0, 300) : newTitle;
        }
        changedAt = at;
        return true;
    }
}
