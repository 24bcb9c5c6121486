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

import org.hibernate.annotations.BatchSize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One technical budget adjustment (teknisk budget): the change of an area's expenses per year for a reason outside
 * its control (price and wage, demography, new legislation), dated, and either compensated (the area's frame grows by
 * it) or not (the area absorbs it: the quiet path).
 */
@Entity
@Table(name = "budget_adjustment_line")
public class AdjustmentLine extends Audited {

    @Id
    @GeneratedValue
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "set_id")
    public AdjustmentSet set;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public CompensationKind kind;

    @Column(name = "area_code", nullable = false, length = 10)
    public String areaCode;

    /** When it was decided or calculated. */
    @Column(nullable = false)
    public LocalDate dated;

    @Column(nullable = false, length = 1000)
    public String description;

    @Column(nullable = false)
    public boolean compensated;

    /** Positive = the area needs more; whole kroner at the set's price level. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "budget_adjustment_amount", joinColumns = @JoinColumn(name = "line_id"))
    @OrderBy("year")
    @BatchSize(size = 100)
    public List<AreaYear> amounts = new ArrayList<>();

    /** The amount per year of {@code years} (0 where none is stored). */
    public long[] amounts(List<Integer> years) {
        long[] row = new long[years.size()];
        amounts.forEach(a -> {
            int y = years.indexOf(a.year);
            if (y >= 0) {
                row[y] = a.amount;
            }
        });
        return row;
    }
}
