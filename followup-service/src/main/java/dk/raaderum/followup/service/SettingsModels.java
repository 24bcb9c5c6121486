package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.Cadence;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

/** A municipality's follow-up settings: cadence, due dates and red/amber/green thresholds. */
public final class SettingsModels {

    private SettingsModels() {
    }

    @Schema(description = "Follow-up settings of a municipality")
    public record SettingsInput(
            @NotNull @Schema(example = "YEARLY") Cadence cadence,
            @NotNull @Min(1) @Max(12) @Schema(example = "4", description = "YEARLY: the report of year Y is due in this month of Y+1")
            Integer yearlyDueMonth,
            @NotNull @Min(1) @Max(31) @Schema(example = "1", description = "… on this day") Integer yearlyDueDay,
            @NotNull @Min(1) @Max(366) @Schema(example = "45", description = "QUARTERLY: days after the quarter's end")
            Integer quarterlyDueDays,
            @NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 2)
            @Schema(example = "90", description = "GREEN from this realisation (percent of expected)") BigDecimal greenThresholdPercent,
            @NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 2)
            @Schema(example = "60", description = "AMBER from this realisation; below it RED") BigDecimal amberThresholdPercent,
            @Schema(description = "The version you read (optimistic locking); or send If-Match") Long version) {
    }

    @Schema(description = "Follow-up settings; defaults=true while the municipality has not saved its own (version 0)")
    public record SettingsView(String municipality, Cadence cadence, int yearlyDueMonth, int yearlyDueDay,
            int quarterlyDueDays, BigDecimal greenThresholdPercent, BigDecimal amberThresholdPercent, boolean defaults,
            Instant updatedAt, String updatedBy, long version) {
    }
}
