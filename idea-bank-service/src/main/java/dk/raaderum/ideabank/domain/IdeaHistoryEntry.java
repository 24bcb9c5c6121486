package dk.raaderum.ideabank.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One step in an idea's life: who did what when and why, the version it led to and the fields it changed. */
@Entity
@Table(name = "idea_history")
public class IdeaHistoryEntry {

    /** What happened. */
    public enum Action {
        SUBMITTED, SHARED, IMPORTED, UPDATED, PUBLISHED, CORRECTED, REJECTED, MERGED, MERGE_UNDONE, MEMBER_ADDED,
        MEMBER_REMOVED, LINKED, UNLINKED, DUPLICATE_DISMISSED, WITHDRAWN, SOURCE_STATUS, FOLLOWUP_SHARED,
        /** The source proposal was corrected after it was presented (held for KL when the idea is curated). */
        SOURCE_CORRECTED,
        /** KL decided not to take a held correction of the source proposal. */
        SOURCE_CORRECTION_DISMISSED
    }

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "idea_id", nullable = false)
    public long ideaId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public Action action;

    @Column(name = "idea_version", nullable = false)
    public long ideaVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public IdeaStatus status;

    @Column(name = "actor_id", nullable = false, length = 200)
    public String actorId;

    @Column(name = "actor_name", nullable = false, length = 200)
    public String actorName;

    @Column(nullable = false)
    public Instant at;

    @Column(columnDefinition = "text")
    public String reason;

    /** The changed fields as JSON: [{"field", "from", "to"}]; null when no content changed. */
    @Column(columnDefinition = "text")
    public String changes;
}
