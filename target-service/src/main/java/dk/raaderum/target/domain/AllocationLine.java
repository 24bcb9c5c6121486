package dk.raaderum.target.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/**
 * One area and year of an allocation round, with everything that explains the amount: the area as it was, the
 * budget the allocation rested on, how the key treated the area.
 */
@Embeddable
public class AllocationLine {

    @Column(name = "area_code", nullable = false, length = 10)
    public String areaCode;

    @Column(name = "area_name", nullable = false, length = 200)
    public String areaName;

    @Column(name = "main_account", nullable = false)
    public int mainAccount;

    @Column(nullable = false, length = 200)
    public String committee;

    @Column(nullable = false)
    public int position;

    @Column(name = "year", nullable = false)
    public int year;

    /** The area's operating budget of the year, kroner. */
    @Column(nullable = false)
    public long budget;

    /** Room the area must create in the year, kroner. */
    @Column(nullable = false)
    public long amount;

    @Column(nullable = false)
    public boolean exempt;

    @Column(nullable = false)
    public boolean manual;

    @Column(name = "reduction_factor", precision = 7, scale = 4)
    public BigDecimal reductionFactor;

    @Column(name = "spending_index", precision = 9, scale = 2)
    public BigDecimal spendingIndex;

    /** clamp(1 + sensitivity × (index/100 − 1), floor, cap): at most 2 + 4 decimals from its inputs. */
    @Column(precision = 19, scale = 8)
    public BigDecimal multiplier;

    @Column(name = "custom_weight", precision = 19, scale = 4)
    public BigDecimal customWeight;

    /** The area's share, in percent, of what the key spread in the year; null when exempt or manual. */
    @Column(name = "key_share", precision = 9, scale = 4)
    public BigDecimal keyShare;
}
