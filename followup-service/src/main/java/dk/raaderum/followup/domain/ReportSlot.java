package dk.raaderum.followup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One period of an initiative that needs a report (a year, or a quarter with the quarterly cadence), with the latest
 * report version's figures (the versions themselves are {@link BenefitReport}s).
 */
@Entity
@Table(name = "report_slot")
public class ReportSlot {

    @Id
    @GeneratedValue
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "initiative_id")
    public Initiative initiative;

    /** Copied from the initiative: the overdue lists and dashboards are per municipality. */
    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(nullable = false)
    public int year;

    /** 1–4 with the quarterly cadence, null for a yearly slot. */
    @Column
    public Integer quarter;

    /** {@code 2027} or {@code 2027-Q2}; unique per initiative. */
    @Column(nullable = false, length = 7)
    public String period;

    /** The gain expected in the period (positive). */
    @Column(nullable = false)
    public long expected;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public SlotStatus status = SlotStatus.PENDING;

    /** When the overdue job found it past its due date (kept after a late report). */
    @Column(name = "overdue_since")
    public Instant overdueSince;

    /** Latest report version: the realised gain, at the prices of {@link #year}. */
    @Column
    public Long realised;

    /** 0 before the first report. */
    @Column(name = "report_version", nullable = false)
    public int reportVersion;

    /** Latest report version: its ratio as published ({@link BenefitReport#ratio}); the API computes its own. */
    @Column(precision = 20, scale = 4)
    public BigDecimal ratio;

    @Enumerated(EnumType.STRING)
    @Column(name = "evidence_level", length = 12)
    public EvidenceLevel evidenceLevel;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Version
    public long version;
}
