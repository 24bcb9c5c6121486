package dk.raaderum.target.service;

import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.events.ResponsibleBody;
import dk.raaderum.platform.web.validation.Kroner;
import dk.raaderum.target.domain.TargetKind;
import dk.raaderum.target.domain.TargetMode;
import dk.raaderum.target.domain.TargetStatus;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Requests and answers about efficiency targets. */
public final class TargetModels {

    private TargetModels() {
    }

    @Schema(description = "An efficiency target as the economic policy states it")
    public record TargetInput(
            @NotNull
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST)
            @Schema(example = "2027", description = "Budget year; the target covers it and the 3 projection years") Integer budgetYear,
            @NotBlank @Size(max = 200) @Schema(example = "Effektiviseringsmål 2027–2030") String name,
            @Size(max = 4000) @Schema(example = "Økonomisk politik: 25 mio. kr. i nye effektiviseringer hvert år") String description,
            @NotNull @Schema(example = "AMOUNT", description = "PERCENT of the total operating budget of the year, or a fixed AMOUNT") TargetKind kind,
            @NotNull @Schema(example = "ANNUAL_NEW", description = "ANNUAL_NEW: each year's figure is a NEW target with lasting effect, the room required adds up over the years (25 mio. a year → 25, 50, 75, 100 mio.); LEVEL: each year's figure is the whole room required that year") TargetMode mode,
            @NotNull @Schema(example = "STANDING_COMMITTEE") ResponsibleBody responsibleBody,
            @Size(max = 200) @Schema(example = "Fagudvalgene for hver deres område") String responsibleName,
            @NotEmpty @Size(max = 4) @Schema(description = "The years with a target: only the budget year for a one-year target, up to all four for a multi-year target")
            List<@Valid @NotNull TargetYearInput> years,
            @Schema(description = "The version you read (optimistic locking); or send If-Match") Long version) {
    }

    @Schema(description = "What the target states for one year: percent (PERCENT targets) or amount (AMOUNT targets)")
    public record TargetYearInput(
            @NotNull @Schema(example = "2027") Integer year,
            @DecimalMin(value = "0", message = "must be between 0 and 10 (percent of the operating budget)")
            @DecimalMax(value = "10", message = "must be between 0 and 10 (percent of the operating budget)")
            @Digits(integer = 2, fraction = 4) @Schema(example = "1.0", description = "0–10 % of the year's total operating budget") BigDecimal percent,
            @Min(0) @Kroner @Schema(example = "25000000", description = "Whole kroner") Long amount) {
    }

    @Schema(description = "The political decision that adopts the target")
    public record Adoption(
            @NotBlank @Size(max = 300) @Schema(example = "Byrådet 8. oktober 2026, pkt. 5") String decisionReference,
            @Schema(description = "The version you read (optimistic locking); or send If-Match") Long version) {
    }

    /**
     * @param newAmount the new target of the year in kroner (for LEVEL: the year's figure); null for a PERCENT target
     *        without a base budget
     * @param requirement the room required in the year in kroner; null for a PERCENT target without a base budget
     */
    public record TargetYearView(int year, BigDecimal percent, Long amount, Long newAmount, Long requirement,
            Long budgetTotal, BigDecimal requirementPercentOfBudget) {
    }

    public record TargetView(long id, String municipality, int budgetYear, List<Integer> horizon, String name,
            String description, TargetKind kind, TargetMode mode, String duration, ResponsibleBody responsibleBody,
            String responsibleName, TargetStatus status, String decisionReference, Instant adoptedAt, String adoptedBy,
            List<TargetYearView> years, boolean baseBudgetPresent, int currentRound, Integer publishedRound,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {
    }
}
