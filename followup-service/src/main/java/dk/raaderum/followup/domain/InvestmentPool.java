package dk.raaderum.followup.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An investment pool of a multi-year agreement (Næstved: 2 mio. kr. in 2021, 10 mio. kr. a year from 2022) that
 * committees apply to with a business case. Per year an amount and what grants have drawn on it; a grant never draws
 * beyond a year's remaining amount (the database checks it too: {@code investment_pool_year_never_overdrawn}).
 */
@Entity
@Table(name = "investment_pool")
public class InvestmentPool {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(nullable = false, length = 200)
    public String name;

    /** The decision that set the pool up, e.g. "Budgetaftale 2021–2022, byrådet 8.10.2020, pkt. 3". */
    @Column(name = "decision_reference", nullable = false, length = 300)
    public String decisionReference;

    @Column(columnDefinition = "text")
    public String description;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "investment_pool_year", joinColumns = @JoinColumn(name = "pool_id"))
    @OrderBy("year")
    public List<PoolYear> years = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    @Version
    public long version;

    public Optional<PoolYear> year(int year) {
        return years.stream().filter(y -> y.year == year).findFirst();
    }

    /** The remaining amount of every year of the pool. */
    public Map<Integer, Long> remaining() {
        Map<Integer, Long> remaining = new TreeMap<>();
        years.forEach(y -> remaining.put(y.year, y.remaining()));
        return remaining;
    }

    /** The part of each year's cost the remaining amount cannot cover (only years short of money; a year the pool lacks is short by its whole cost). */
    public Map<Integer, Long> shortfall(Map<Integer, Long> costs) {
        Map<Integer, Long> shortfall = new TreeMap<>();
        costs.forEach((year, cost) -> {
            long remaining = year(year).map(PoolYear::remaining).orElse(0L);
            if (cost > remaining) {
                shortfall.put(year, cost - remaining);
            }
        });
        return shortfall;
    }

    /**
     * Draws each year's cost on the pool. The caller holds the pool's row lock and has checked {@link #shortfall}.
     *
     * @throws IllegalStateException when a year cannot cover its cost (nothing is drawn)
     */
    public void draw(Map<Integer, Long> costs) {
        if (!shortfall(costs).isEmpty()) {
            throw new IllegalStateException("Pool " + id + " cannot cover " + costs + "; remaining " + remaining());
        }
        costs.forEach((year, cost) -> {
            if (cost > 0) {
                PoolYear current = year(year).orElseThrow();
                replace(new PoolYear(year, current.amount, current.granted + cost));
            }
        });
    }

    /**
     * The years a change of the amounts would take below what is granted (a year left out counts as 0), with what is
     * granted in them; empty when the change is possible.
     */
    public Map<Integer, Long> grantedAbove(Map<Integer, Long> newAmounts) {
        Map<Integer, Long> above = new TreeMap<>();
        years.stream().filter(y -> y.granted > newAmounts.getOrDefault(y.year, 0L))
                .forEach(y -> above.put(y.year, y.granted));
        return above;
    }

    /** New amounts per year; what is granted is kept. The caller has checked {@link #grantedAbove}. */
    public void changeAmounts(Map<Integer, Long> newAmounts) {
        Map<Integer, Long> granted = new TreeMap<>();
        years.forEach(y -> granted.put(y.year, y.granted));
        years.clear();
        newAmounts.forEach((year, amount) -> years.add(new PoolYear(year, amount, granted.getOrDefault(year, 0L))));
        years.sort(Comparator.comparingInt(y -> y.year));
    }

    /** Replaces the year's entry (the element collection is rewritten on flush). */
    private void replace(PoolYear year) {
        years.removeIf(y -> y.year == year.year);
        years.add(year);
        years.sort(Comparator.comparingInt(y -> y.year));
    }
}
