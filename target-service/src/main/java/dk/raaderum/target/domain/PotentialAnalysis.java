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
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A potential analysis (Varde's potentialepakker): per area the own unit cost against a comparison set of
 * municipalities, the N-th cheapest as the benchmark, a realism that scales the total down, and what has been
 * realised so far (the narrow path). The result is computed on read ({@link PotentialCalculator}).
 */
@Entity
@Table(name = "potential_analysis")
public class PotentialAnalysis extends Audited {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(columnDefinition = "text")
    public String description;

    /** The budget year it was made for, if any. */
    @Column(name = "budget_year")
    public Integer budgetYear;

    /** N: the benchmark is the N-th cheapest comparison municipality. */
    @Column(name = "benchmark_rank", nullable = false)
    public int benchmarkRank;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Realism realism = Realism.NONE;

    @Column(name = "realism_factor", precision = 7, scale = 4)
    public BigDecimal realismFactor;

    @Column(name = "realism_cap")
    public Long realismCap;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "potential_area", joinColumns = @JoinColumn(name = "analysis_id"))
    @OrderBy("position")
    @BatchSize(size = 20)
    public List<PotentialArea> areas = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "potential_comparison", joinColumns = @JoinColumn(name = "analysis_id"))
    @BatchSize(size = 20)
    public List<Comparison> comparisons = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "potential_realisation", joinColumns = @JoinColumn(name = "analysis_id"))
    @OrderBy("areaCode, year")
    @BatchSize(size = 20)
    public List<Realisation> realisation = new ArrayList<>();
}
