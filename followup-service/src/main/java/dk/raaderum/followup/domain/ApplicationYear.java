package dk.raaderum.followup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One year of an application's business case, whole kroner, both 0 or more. */
@Embeddable
public class ApplicationYear {

    @Column(nullable = false)
    public int year;

    @Column(name = "investment_cost", nullable = false)
    public long investmentCost;

    @Column(name = "expected_gain", nullable = false)
    public long expectedGain;

    public ApplicationYear() {
    }

    public ApplicationYear(int year, long investmentCost, long expectedGain) {
        this.year = year;
        this.investmentCost = investmentCost;
        this.expectedGain = expectedGain;
    }
}
