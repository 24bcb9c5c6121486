package dk.raaderum.target.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** What a target states for one year: a percent (PERCENT targets) or an amount in kroner (AMOUNT targets). */
@Embeddable
public class TargetYear {

    @Column(name = "year", nullable = false)
    public int year;

    @Column(name = "percent", precision = 7, scale = 4)
    public BigDecimal percent;

    @Column(name = "amount")
    public Long amount;

    public TargetYear() {
    }

    public TargetYear(int year, BigDecimal percent, Long amount) {
        this.year = year;
        this.percent = percent;
        this.amount = amount;
    }
}
