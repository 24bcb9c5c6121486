package dk.raaderum.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Read model of target-service's {@code target.allocated} events: per target, area and year the room the area must
 * create, and the area's budget the allocation rests on, at the allocation's price level. Only the newest round of each target is kept.
 */
@Entity
@Table(name = "target_allocation")
public class TargetAllocation {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    /** The price level (year) target-service stated the amounts and budget at. */
    @Column(name = "price_level_year", nullable = false)
    public int priceLevelYear;

    @Column(name = "target_id", nullable = false)
    public long targetId;

    @Column(nullable = false)
    public int round;

    @Column(name = "target_name", nullable = false, length = 200)
    public String targetName;

    @Column(name = "area_code", nullable = false, length = 10)
    public String areaCode;

    @Column(name = "area_name", nullable = false, length = 200)
    public String areaName;

    @Column(nullable = false, length = 200)
    public String committee;

    @Column(nullable = false)
    public int year;

    /** Room to create, whole kroner (positive). */
    @Column(nullable = false)
    public long amount;

    /** The area's operating budget of the year, whole kroner. */
    @Column(nullable = false)
    public long budget;

    @Column(nullable = false)
    public boolean exempt;
}
