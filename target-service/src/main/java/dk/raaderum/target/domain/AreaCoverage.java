package dk.raaderum.target.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * The live coverage of one policy area in one year of a budget: the target (sum of the adopted targets' published
 * allocations), the room created by adopted proposals (savings, efficiency, investments), the room spent by adopted
 * expansions, and whether the target is reached. Kept up to date by {@code CoverageProjector} in the transaction of
 * every change, so reads are one indexed query and crossings of 100 % are detected exactly once.
 */
@Entity
@Table(name = "area_coverage")
public class AreaCoverage {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    @Column(name = "area_code", nullable = false, length = 10)
    public String areaCode;

    @Column(name = "year", nullable = false)
    public int year;

    @Column(name = "area_name", length = 200)
    public String areaName;

    @Column(name = "main_account")
    public Integer mainAccount;

    @Column(length = 200)
    public String committee;

    /** The area is in the base budget or in a published allocation; otherwise its proposals are unmatched. */
    @Column(nullable = false)
    public boolean matched;

    @Column(nullable = false)
    public long target;

    /** Room created by adopted SAVING, EFFICIENCY and INVESTMENT proposals (an investment's net may be negative). */
    @Column(nullable = false)
    public long covered;

    /** Room spent by adopted EXPANSION proposals (positive = spent). */
    @Column(nullable = false)
    public long expansions;

    @Column(name = "proposal_count", nullable = false)
    public int proposalCount;

    @Column(nullable = false)
    public boolean reached;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
