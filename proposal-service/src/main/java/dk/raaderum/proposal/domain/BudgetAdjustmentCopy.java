package dk.raaderum.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A municipality's technical budget adjustment lines of one budget year as target-service last published them
 * ({@code budget-adjustments.changed}); the lines are kept as the event's JSON. A higher revision replaces it.
 */
@Entity
@Table(name = "budget_adjustment_copy")
@IdClass(BudgetAdjustmentCopy.Key.class)
public class BudgetAdjustmentCopy {

    @Id
    @Column(length = 3)
    public String municipality;

    @Id
    @Column(name = "budget_year")
    public int budgetYear;

    @Column(nullable = false)
    public long revision;

    @Column(name = "price_level_year", nullable = false)
    public int priceLevelYear;

    @Column(nullable = false, columnDefinition = "text")
    public String lines;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public boolean isReplacedBy(long newRevision) {
        return newRevision > revision;
    }

    /** The primary key: municipality and budget year. */
    public static class Key implements Serializable {

        public String municipality;
        public int budgetYear;

        public Key() {
        }

        public Key(String municipality, int budgetYear) {
            this.municipality = municipality;
            this.budgetYear = budgetYear;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.budgetYear == budgetYear
                    && Objects.equals(key.municipality, municipality);
        }

        @Override
        public int hashCode() {
            return Objects.hash(municipality, budgetYear);
        }
    }
}
