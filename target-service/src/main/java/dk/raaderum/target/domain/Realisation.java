package dk.raaderum.target.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** How much of an area's potential has been realised in a year (the narrow path), whole kroner. */
@Embeddable
public class Realisation {

    @Column(name = "area_code", nullable = false, length = 10)
    public String areaCode;

    @Column(name = "year", nullable = false)
    public int year;

    @Column(nullable = false)
    public long amount;

    public Realisation() {
    }

    public Realisation(String areaCode, int year, long amount) {
        this.areaCode = areaCode;
        this.year = year;
        this.amount = amount;
    }
}
