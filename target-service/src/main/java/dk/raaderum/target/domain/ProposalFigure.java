package dk.raaderum.target.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A proposal's figures for one year as its event carried them: {@code netChange} is the change in operating
 * expenses (negative creates room); for investments also the investment cost and the gain.
 */
@Embeddable
public class ProposalFigure {

    @Column(name = "year", nullable = false)
    public int year;

    @Column(name = "net_change", nullable = false)
    public long netChange;

    @Column(name = "investment_cost")
    public Long investmentCost;

    @Column(name = "gain")
    public Long gain;

    public ProposalFigure() {
    }

    public ProposalFigure(int year, long netChange, Long investmentCost, Long gain) {
        this.year = year;
        this.netChange = netChange;
        this.investmentCost = investmentCost;
        this.gain = gain;
    }

    /** Room created in the year (positive = room), the opposite sign of the net change. */
    public long room() {
        return -netChange;
    }
}
