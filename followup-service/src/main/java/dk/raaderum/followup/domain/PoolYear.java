package dk.raaderum.followup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One budget year of an investment pool, whole kroner: its amount and what grants have drawn on it. */
@Embeddable
public class PoolYear {

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public long amount;

    @Column(nullable = false)
    public long granted;

    public PoolYear() {
    }

    public PoolYear(int year, long amount, long granted) {
        this.year = year;
        this.amount = amount;
        this.granted = granted;
    }

    public long remaining() {
        return amount - granted;
    }
}
