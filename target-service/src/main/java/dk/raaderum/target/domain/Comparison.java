package dk.raaderum.target.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The unit cost of one comparison municipality in one area of a potential analysis. */
@Embeddable
public class Comparison {

    @Column(name = "area_code", nullable = false, length = 10)
    public String areaCode;

    @Column(name = "municipality_code", nullable = false, length = 3)
    public String municipalityCode;

    @Column(name = "unit_cost", nullable = false)
    public long unitCost;

    public Comparison() {
    }

    public Comparison(String areaCode, String municipalityCode, long unitCost) {
        this.areaCode = areaCode;
        this.municipalityCode = municipalityCode;
        this.unitCost = unitCost;
    }
}
