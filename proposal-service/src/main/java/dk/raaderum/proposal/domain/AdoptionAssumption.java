package dk.raaderum.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A stated assumption of a budget agreement for one year, in whole kroner at the catalog's price level: new borrowing
 * (financing) and instalments on debt. The economic policy check of the adopted catalog uses them.
 */
@Embeddable
public class AdoptionAssumption {

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public long borrowing;

    @Column(nullable = false)
    public long instalments;

    public AdoptionAssumption() {
    }

    public AdoptionAssumption(int year, long borrowing, long instalments) {
        this.year = year;
        this.borrowing = borrowing;
        this.instalments = instalments;
    }
}
