package dk.raaderum.target.domain;

import dk.raaderum.platform.events.ResponsibleBody;

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

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An efficiency target (effektiviseringsmål) of a municipality for a budget year and its projection years, as the
 * economic policy states it: a percent of the operating budget or an amount, per year ({@link TargetMode} says
 * whether the years add up), and who is responsible for reaching it. Its allocations over the policy areas are
 * {@link AllocationRound}s.
 */
@Entity
@Table(name = "efficiency_target")
public class EfficiencyTarget extends Audited {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(columnDefinition = "text")
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public TargetKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public TargetMode mode;

    @Enumerated(EnumType.STRING)
    @Column(name = "responsible_body", nullable = false, length = 20)
    public ResponsibleBody responsibleBody;

    /** E.g. "Direktør for Social og Sundhed". */
    @Column(name = "responsible_name", length = 200)
    public String responsibleName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public TargetStatus status = TargetStatus.DRAFT;

    /** The decision that adopted it, e.g. "Byrådet 8. oktober 2026, pkt. 5". */
    @Column(name = "decision_reference", length = 300)
    public String decisionReference;

    @Column(name = "adopted_at")
    public Instant adoptedAt;

    @Column(name = "adopted_by", length = 200)
    public String adoptedBy;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "target_year", joinColumns = @JoinColumn(name = "target_id"))
    @OrderBy("year")
    @BatchSize(size = 50)
    public List<TargetYear> years = new ArrayList<>();

    /** The newest allocation round (0 = not allocated yet). */
    @Column(name = "current_round", nullable = false)
    public int currentRound;

    /** The round last published as {@code target.allocated} (adopted targets only). */
    @Column(name = "published_round")
    public Integer publishedRound;

    public List<Integer> horizon() {
        return Horizon.of(budgetYear);
    }

    /** The stated figures by year. */
    public Map<Integer, TargetRequirement.Stated> stated() {
        Map<Integer, TargetRequirement.Stated> stated = new LinkedHashMap<>();
        years.forEach(y -> stated.put(y.year, new TargetRequirement.Stated(y.percent, y.amount)));
        return stated;
    }

    public boolean isAdopted() {
        return status == TargetStatus.ADOPTED;
    }
}
