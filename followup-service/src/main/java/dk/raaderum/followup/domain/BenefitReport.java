package dk.raaderum.followup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One version of a benefit report on a slot. Append-only: a correction is a new version, so the history is kept
 * (no optimistic lock needed here; concurrent reports on a slot collide on the slot's version).
 */
@Entity
@Table(name = "benefit_report")
public class BenefitReport {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "slot_id", nullable = false)
    public long slotId;

    @Column(name = "initiative_id", nullable = false)
    public long initiativeId;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(nullable = false)
    public int year;

    @Column
    public Integer quarter;

    @Column(nullable = false, length = 7)
    public String period;

    /** 1 for the first report of the slot, then 2, 3, … per correction. */
    @Column(name = "report_version", nullable = false)
    public int reportVersion;

    /** The slot's expected gain when the report was made. */
    @Column(nullable = false)
    public long expected;

    /** As reported: at the prices of the year reported on. */
    @Column(nullable = false)
    public long realised;

    /**
     * As published in benefit.reported: realised at the initiative's price level (with the price index of that
     * moment) / expected; reports before PL-regulering hold realised / expected unconverted. The API never reads it:
     * it computes the ratio with today's index.
     */
    @Column(precision = 20, scale = 4)
    public BigDecimal ratio;

    /** The status by the thresholds in force when reported, as published (the API rates with today's). */
    @Enumerated(EnumType.STRING)
    @Column(length = 5)
    public Rag rag;

    @Enumerated(EnumType.STRING)
    @Column(name = "evidence_level", nullable = false, length = 12)
    public EvidenceLevel evidenceLevel;

    @Column(nullable = false, columnDefinition = "text")
    public String narrative;

    @Column(columnDefinition = "text")
    public String barriers;

    @Column(columnDefinition = "text")
    public String opportunities;

    /** Why an earlier version was corrected (versions after the first). */
    @Column(name = "correction_reason", columnDefinition = "text")
    public String correctionReason;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    @Column(name = "reported_by", nullable = false, length = 200)
    public String reportedBy;

    @Column(name = "reported_by_id", nullable = false, length = 200)
    public String reportedById;
}
