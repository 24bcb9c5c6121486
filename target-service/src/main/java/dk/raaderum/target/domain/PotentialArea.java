package dk.raaderum.target.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** An area of a potential analysis: the own unit cost and the volume it applies to. */
@Embeddable
public class PotentialArea {

    @Column(nullable = false, length = 10)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    /** What one unit is, e.g. "kr. pr. 0–5-årig". */
    @Column(name = "unit_label", length = 200)
    public String unitLabel;

    /** How many units, e.g. the number of 0–5-year-olds. */
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal volume;

    /** The municipality's own cost per unit, whole kroner. */
    @Column(name = "own_unit_cost", nullable = false)
    public long ownUnitCost;

    @Column(nullable = false)
    public int position;
}
