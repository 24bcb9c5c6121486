package dk.raaderum.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A committee's fixed operating frame for one budget year, whole kroner at the agreement's price level. */
@Embeddable
public class YearFrame {

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public long amount;

    public YearFrame() {
    }

    public YearFrame(int year, long amount) {
        this.year = year;
        this.amount = amount;
    }
}
