package dk.raaderum.followup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One year of an initiative, in whole kroner at the initiative's price level; gains are room created (positive).
 * {@code adopted} is what the budget took out when it was adopted and never changes; {@code expected} is the
 * current expectation (changed by ADJUST decisions). For an INVESTMENT both are gains − investment cost, and the
 * gain/cost profile is kept beside them.
 *
 * <p>The rest are the year's figures over its report slots ({@link YearRealisation}), kept here by
 * {@link Initiative#refreshFigures()} whenever a slot changes, so dashboards read one row per initiative-year.
 */
@Embeddable
public class InitiativeYear {

    @Column(nullable = false)
    public int year;

    /** Copied from the initiative: dashboards read a municipality's year. */
    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(nullable = false)
    public long adopted;

    @Column(nullable = false)
    public long expected;

    /** INVESTMENT only. */
    @Column(name = "investment_cost")
    public Long investmentCost;

    /** INVESTMENT only: the gross gain. */
    @Column
    public Long gain;

    @Column(name = "expected_reported", nullable = false)
    public long expectedReported;

    @Column(nullable = false)
    public long realised;

    @Column(name = "reported_slots", nullable = false)
    public int reportedSlots;

    @Column(name = "overdue_slots", nullable = false)
    public int overdueSlots;

    @Column(name = "pending_slots", nullable = false)
    public int pendingSlots;

    @Column(name = "gains_at_risk", nullable = false)
    public long gainsAtRisk;

    public InitiativeYear() {
    }

    public InitiativeYear(int year, long adopted, long expected, Long investmentCost, Long gain) {
        this.year = year;
        this.adopted = adopted;
        this.expected = expected;
        this.investmentCost = investmentCost;
        this.gain = gain;
        this.gainsAtRisk = YearRealisation.gainsAtRisk(adopted, 0);
    }

    public InitiativeYear withExpected(long newExpected) {
        InitiativeYear copy = copy();
        copy.expected = newExpected;
        return copy;
    }

    /** A copy with the figures of the year's slots; the same instance when nothing changed. */
    InitiativeYear withFigures(String municipalityCode, YearRealisation figures) {
        if (municipalityCode.equals(municipality) && expectedReported == figures.expectedReported()
                && realised == figures.realised() && reportedSlots == figures.reportedSlots()
                && overdueSlots == figures.overdueSlots() && pendingSlots == figures.pendingSlots()
                && gainsAtRisk == figures.gainsAtRisk()) {
            return this;
        }
        InitiativeYear copy = copy();
        copy.municipality = municipalityCode;
        copy.expectedReported = figures.expectedReported();
        copy.realised = figures.realised();
        copy.reportedSlots = figures.reportedSlots();
        copy.overdueSlots = figures.overdueSlots();
        copy.pendingSlots = figures.pendingSlots();
        copy.gainsAtRisk = figures.gainsAtRisk();
        return copy;
    }

    /** The stored figures. */
    public YearRealisation figures() {
        return new YearRealisation(year, adopted, expected, expectedReported, realised, reportedSlots, overdueSlots,
                pendingSlots, gainsAtRisk);
    }

    private InitiativeYear copy() {
        InitiativeYear copy = new InitiativeYear(year, adopted, expected, investmentCost, gain);
        copy.municipality = municipality;
        copy.expectedReported = expectedReported;
        copy.realised = realised;
        copy.reportedSlots = reportedSlots;
        copy.overdueSlots = overdueSlots;
        copy.pendingSlots = pendingSlots;
        copy.gainsAtRisk = gainsAtRisk;
        return copy;
    }
}
