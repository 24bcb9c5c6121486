package dk.raaderum.target.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The technical budget adjustments of one municipality's budget year: the price level of their amounts and the
 * revision, 1 for the first line and + 1 for every line added, changed or removed ({@code budget-adjustments.changed}
 * carries it). The lines are {@link AdjustmentLine}s.
 */
@Entity
@Table(name = "budget_adjustment_set")
public class AdjustmentSet {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    /** The prices every line's amounts are at; fixed when the first line is added. */
    @Column(name = "price_level_year", nullable = false)
    public int priceLevelYear;

    @Column(nullable = false)
    public long revision;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 200)
    public String changedBy;

    public java.util.List<Integer> years() {
        return Horizon.of(budgetYear);
    }

    /** Counts one change of the set. */
    public void changed(String by, Instant at) {
        revision++;
        changedBy = by;
        changedAt = at;
    }
}
