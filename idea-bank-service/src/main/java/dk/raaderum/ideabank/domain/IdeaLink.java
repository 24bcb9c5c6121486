package dk.raaderum.ideabank.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A curator's typed link between two ideas. A symmetric link (SIMILAR_TO) is stored from the lower id. */
@Entity
@Table(name = "idea_link")
public class IdeaLink {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "from_idea_id", nullable = false)
    public long fromIdeaId;

    @Column(name = "to_idea_id", nullable = false)
    public long toIdeaId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public LinkType type;

    @Column(columnDefinition = "text")
    public String comment;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;
}
