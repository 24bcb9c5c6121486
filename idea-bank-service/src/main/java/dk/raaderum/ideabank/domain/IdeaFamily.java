package dk.raaderum.ideabank.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * Ideas that describe the same thing: one primary idea, which search shows, and the members merged into it, each
 * keeping its municipality, budget year and amounts. The members are the ideas whose {@code familyId} is this one.
 */
@Entity
@Table(name = "idea_family")
public class IdeaFamily {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "primary_idea_id", nullable = false)
    public long primaryIdeaId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Version
    public long version;
}
