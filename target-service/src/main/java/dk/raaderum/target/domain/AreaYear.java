package dk.raaderum.target.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An area's operating budget for one year, whole kroner. */
@Embeddable
public class AreaYear {

    @Column(name = "year", nullable = false)
    public int year;

    @Column(name = "amount", nullable = false)
    public long amount;

    public AreaYear() {
    }

    public AreaYear(int year, long amount) {
        this.year = year;
        this.amount = amount;
    }
}
