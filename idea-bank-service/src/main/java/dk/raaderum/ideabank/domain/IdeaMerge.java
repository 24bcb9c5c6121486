package dk.raaderum.ideabank.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An idea merged into another's family, and the status to return to if the merge is undone. Never deleted. */
@Entity
@Table(name = "idea_merge")
public class IdeaMerge {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "family_id", nullable = false)
    public long familyId;

    @Column(name = "idea_id", nullable = false)
    public long ideaId;

    @Column(name = "into_idea_id", nullable = false)
    public long intoIdeaId;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status", nullable = false, length = 20)
    public IdeaStatus previousStatus;

    @Column(nullable = false, columnDefinition = "text")
    public String reason;

    @Column(name = "merged_at", nullable = false)
    public Instant mergedAt;

    @Column(name = "merged_by", nullable = false, length = 200)
    public String mergedBy;

    @Column(name = "undone_at")
    public Instant undoneAt;

    @Column(name = "undone_by", length = 200)
    public String undoneBy;

    @Column(name = "undo_reason", columnDefinition = "text")
    public String undoReason;
}
