package dk.raaderum.ideabank.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A pair of ideas that look alike enough that a curator should decide: merge them into a family, link them, or
 * dismiss the pair. {@code ideaId} is the newer idea, {@code otherIdeaId} the older; a resolved pair is never
 * proposed again.
 */
@Entity
@Table(name = "duplicate_candidate")
public class DuplicateCandidate {

    public enum Status {
        OPEN, RESOLVED
    }

    /** How a pair was cleared. */
    public enum Resolution {
        MERGED, LINKED, DISMISSED, GONE
    }

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "idea_id", nullable = false)
    public long ideaId;

    @Column(name = "other_idea_id", nullable = false)
    public long otherIdeaId;

    @Column(nullable = false, precision = 4, scale = 3)
    public BigDecimal score;

    @Column(name = "title_similarity", nullable = false, precision = 4, scale = 3)
    public BigDecimal titleSimilarity;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "shared_terms", nullable = false, columnDefinition = "text[]")
    public String[] sharedTerms;

    @Column(name = "same_area", nullable = false)
    public boolean sameArea;

    @Column(name = "found_at", nullable = false)
    public Instant foundAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public Resolution resolution;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by", length = 200)
    public String resolvedBy;

    @Column(columnDefinition = "text")
    public String reason;

    @Version
    public long version;

    /** Cleared by a curator (or because one of the ideas left the bank). */
    public void resolve(Resolution how, String by, String why, Instant at) {
        status = Status.RESOLVED;
        resolution = how;
        resolvedBy = by;
        reason = why;
        resolvedAt = at;
    }
}
