package dk.raaderum.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/**
 * One year of a proposal, in whole kroner at the catalog's price level. {@code netChange} is the change in operating
 * expenses (negative creates room); for an investment it is {@code investmentCost − gain}.
 */
@Embeddable
public class ProposalYear {

    @Column(nullable = false)
    public int year;

    @Column(name = "net_change", nullable = false)
    public long netChange;

    @Column(name = "investment_cost")
    public Long investmentCost;

    @Column
    public Long gain;

    /** Change in staff, full-time equivalents (negative: fewer). */
    @Column(name = "fte_change", precision = 8, scale = 2)
    public BigDecimal fteChange;

    public ProposalYear() {
    }

    public ProposalYear(int year, long netChange, Long investmentCost, Long gain, BigDecimal fteChange) {
        this.year = year;
        this.netChange = netChange;
        this.investmentCost = investmentCost;
        this.gain = gain;
        this.fteChange = fteChange;
    }
}
