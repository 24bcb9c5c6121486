package dk.raaderum.target.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The target of one year as an allocation round spread it. */
@Embeddable
public class AllocationTotal {

    @Column(name = "year", nullable = false)
    public int year;

    /** The room the target requires in the year, whole kroner, before rounding to the unit. */
    @Column(nullable = false)
    public long requirement;

    /** What was spread: the requirement rounded to the rounding unit; the areas' amounts sum exactly to it. */
    @Column(nullable = false)
    public long allocated;

    /** The total operating budget of the year the allocation rested on. */
    @Column(name = "budget_total", nullable = false)
    public long budgetTotal;

    public AllocationTotal() {
    }

    public AllocationTotal(int year, long requirement, long allocated, long budgetTotal) {
        this.year = year;
        this.requirement = requirement;
        this.allocated = allocated;
        this.budgetTotal = budgetTotal;
    }
}
