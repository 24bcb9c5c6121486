package dk.raaderum.followup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One year of an initiative as a decision saw it: adopted, expected before and after (ADJUST changes it), realised
 * so far, and for TERMINATE the unrealised remainder (adopted − realised, not below 0) that is a budget risk.
 */
@Embeddable
public class DecisionYear {

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public long adopted;

    @Column(name = "expected_before", nullable = false)
    public long expectedBefore;

    @Column(name = "expected_after", nullable = false)
    public long expectedAfter;

    @Column
    public Long realised;

    @Column
    public Long remainder;

    public DecisionYear() {
    }

    public DecisionYear(int year, long adopted, long expectedBefore, long expectedAfter, Long realised, Long remainder) {
        this.year = year;
        this.adopted = adopted;
        this.expectedBefore = expectedBefore;
        this.expectedAfter = expectedAfter;
        this.realised = realised;
        this.remainder = remainder;
    }
}
