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
     * realisedAtPriceLevel / expected, as reported and published in benefit.reported (with the price index of that
     * moment); reports from before PL-regulering without {@link #priceLevelYear} hold realised / expected unconverted.
     */
    @Column(precision = 20, scale = 4)
    public BigDecimal ratio;

    /** The status by the thresholds in force when reported. */
    @Enumerated(EnumType.STRING)
    @Column(length = 5)
    public Rag rag;

    /** The price level the ratio compared at (the initiative's); null: reported before PL-regulering. */
    @Column(name = "price_level_year")
    public Integer priceLevelYear;

    /** realised at {@link #priceLevelYear}; realised itself when it was not converted. */
    @Column(name = "realised_at_price_level")
    public Long realisedAtPriceLevel;

    /** The year realised was converted from; null when it was not (the same level, or see the warning). */
    @Column(name = "converted_from")
    public Integer convertedFrom;

    /** Why realised was not converted (code price-level-missing: the price index lacked a year); else null. */
    @Column(name = "price_level_warning", length = 1000)
    public String priceLevelWarning;

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
