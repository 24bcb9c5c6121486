package dk.raaderum.target.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One allocation of a target over the policy areas: immutable once made (a change is a new round), numbered per
 * target, with who made it, when and why, the key and its parameters, and the base budget version it rested on.
 * Only {@link #publishedAt} is set later, when the round leaves the service as {@code target.allocated}.
 */
@Entity
@Table(name = "allocation_round")
public class AllocationRound {

    @Id
    @GeneratedValue
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "target_id")
    public EfficiencyTarget target;

    @Column(nullable = false)
    public int round;

    @Enumerated(EnumType.STRING)
    @Column(name = "allocation_key", nullable = false, length = 20)
    public AllocationKey key;

    @Column(name = "rounding_unit", nullable = false)
    public long roundingUnit;

    @Column(nullable = false, columnDefinition = "text")
    public String reason;

    @Column(name = "budget_id", nullable = false)
    public long budgetId;

    @Column(name = "budget_version", nullable = false)
    public long budgetVersion;

    @Column(name = "price_level_year", nullable = false)
    public int priceLevelYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "index_source", length = 20)
    public IndexSource indexSource;

    @Column(name = "potential_analysis_id")
    public Long potentialAnalysisId;

    @Column(precision = 9, scale = 4)
    public BigDecimal sensitivity;

    @Column(name = "multiplier_floor", precision = 9, scale = 4)
    public BigDecimal multiplierFloor;

    @Column(name = "multiplier_cap", precision = 9, scale = 4)
    public BigDecimal multiplierCap;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "allocation_line", joinColumns = @JoinColumn(name = "round_id"))
    @OrderBy("position, year")
    @BatchSize(size = 20)
    public List<AllocationLine> lines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "allocation_total", joinColumns = @JoinColumn(name = "round_id"))
    @OrderBy("year")
    @BatchSize(size = 20)
    public List<AllocationTotal> totals = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_by_id", nullable = false, length = 200)
    public String createdById;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Version
    public long version;
}
