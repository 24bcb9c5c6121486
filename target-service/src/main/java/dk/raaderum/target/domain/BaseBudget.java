package dk.raaderum.target.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A municipality's base budget for one budget year: the operating budget of each policy area for the budget year
 * and the three projection years, at the prices of {@link #priceLevelYear}. Targets are allocated on it.
 */
@Entity
@Table(name = "base_budget")
public class BaseBudget {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    @Column(name = "price_level_year", nullable = false)
    public int priceLevelYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public BudgetSource source;

    @OneToMany(mappedBy = "budget", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchSize(size = 50)
    public List<BudgetArea> areas = new ArrayList<>();

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    @Column(name = "imported_by", nullable = false, length = 200)
    public String importedBy;

    @Column(name = "imported_by_id", nullable = false, length = 200)
    public String importedById;

    @Version
    public long version;

    public List<Integer> years() {
        return Horizon.of(budgetYear);
    }

    public Optional<BudgetArea> area(String code) {
        return areas.stream().filter(area -> area.code.equals(code)).findFirst();
    }

    /** The total operating budget per year (the base of percent targets). */
    public Map<Integer, Long> totals() {
        Map<Integer, Long> totals = new LinkedHashMap<>();
        years().forEach(year -> totals.put(year, 0L));
        for (BudgetArea area : areas) {
            for (AreaYear year : area.years) {
                totals.merge(year.year, year.amount, Math::addExact);
            }
        }
        return totals;
    }
}
