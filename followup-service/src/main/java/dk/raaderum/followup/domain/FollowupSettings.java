package dk.raaderum.followup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.MonthDay;

/** A municipality's own follow-up settings (without a row the configured defaults apply). */
@Entity
@Table(name = "followup_settings")
public class FollowupSettings {

    @Id
    @Column(length = 3)
    public String municipality;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Cadence cadence;

    @Column(name = "yearly_due_month", nullable = false)
    public int yearlyDueMonth;

    @Column(name = "yearly_due_day", nullable = false)
    public int yearlyDueDay;

    @Column(name = "quarterly_due_days", nullable = false)
    public int quarterlyDueDays;

    @Column(name = "green_threshold_percent", nullable = false, precision = 6, scale = 2)
    public BigDecimal greenThresholdPercent;

    @Column(name = "amber_threshold_percent", nullable = false, precision = 6, scale = 2)
    public BigDecimal amberThresholdPercent;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    /** Starts at 1: version 0 is what a municipality without its own row reads. */
    @Version
    public long version;

    public SlotRules slotRules() {
        return new SlotRules(cadence, MonthDay.of(yearlyDueMonth, yearlyDueDay), quarterlyDueDays);
    }

    public Thresholds thresholds() {
        return new Thresholds(greenThresholdPercent, amberThresholdPercent);
    }
}
