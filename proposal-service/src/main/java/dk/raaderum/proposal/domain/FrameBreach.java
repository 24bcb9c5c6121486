package dk.raaderum.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/**
 * A committee's fixed frame breached in a year by the budget agreement (adoption) of a catalog the agreement covers:
 * its spending after its own adopted proposals exceeds the frame. Whole kroner at the catalog's price level.
 */
@Embeddable
public class FrameBreach {

    @Column(name = "catalog_id", nullable = false)
    public long catalogId;

    @Column(nullable = false, length = 200)
    public String committee;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public long spending;

    @Column(nullable = false)
    public long frame;

    @Column(nullable = false)
    public long overrun;

    @Column(name = "flagged_at", nullable = false)
    public Instant flaggedAt;

    public FrameBreach() {
    }

    public FrameBreach(long catalogId, String committee, int year, long spending, long frame, long overrun,
            Instant flaggedAt) {
        this.catalogId = catalogId;
        this.committee = committee;
        this.year = year;
        this.spending = spending;
        this.frame = frame;
        this.overrun = overrun;
        this.flaggedAt = flaggedAt;
    }
}
