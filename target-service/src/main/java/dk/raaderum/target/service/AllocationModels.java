package dk.raaderum.target.service;

import dk.raaderum.platform.web.validation.Kroner;
import dk.raaderum.target.domain.AllocationKey;
import dk.raaderum.target.domain.IndexSource;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Requests and answers about allocation rounds. */
public final class AllocationModels {

    private AllocationModels() {
    }

    @Schema(description = "How to split the target over the areas of the base budget")
    public record AllocationRequest(
            @NotNull @Schema(example = "DIFFERENTIATED", description = "UNIFORM: in proportion to the area budgets; DIFFERENTIATED: budget × multiplier from the spending index; CUSTOM: by the weights given") AllocationKey key,
            @NotBlank @Size(max = 2000) @Schema(example = "Fordeling efter udgiftsniveau ift. sammenlignelige kommuner; dagtilbud halveret pga. minimumsnormeringer") String reason,
            @Min(1) @Max(10_000_000) @Schema(example = "1000", description = "Rounding unit in kroner (default 1): every amount is a multiple of it and the areas still sum exactly to the target") Long roundingUnit,
            @Valid @Schema(description = "DIFFERENTIATED only: where the spending indices come from and the multiplier function") DifferentiatedInput differentiated,
            @Size(max = BudgetModels.MAX_AREAS) @Schema(description = "Per-area settings; areas not listed take part normally")
            List<@Valid @NotNull AreaSetting> areas,
            @Schema(description = "The target's version you read (optimistic locking); or send If-Match") Long version) {
    }

    @Schema(description = "The DIFFERENTIATED key: multiplier = clamp(1 + sensitivity × (index/100 − 1), floor, cap); weight = budget × multiplier × reduction factor")
    public record DifferentiatedInput(
            @Schema(example = "GIVEN", description = "GIVEN: spendingIndex per area in `areas`; POTENTIAL_ANALYSIS: index = own unit cost / benchmark × 100 from the analysis (an area's own spendingIndex still wins). Default: POTENTIAL_ANALYSIS when potentialAnalysisId is given, else GIVEN") IndexSource source,
            @Schema(example = "51") Long potentialAnalysisId,
            @DecimalMin("0") @DecimalMax("10") @Digits(integer = 2, fraction = 4) @Schema(example = "1.0", description = "Default from configuration (1.0)") BigDecimal sensitivity,
            @DecimalMin("0") @DecimalMax("10") @Digits(integer = 2, fraction = 4) @Schema(example = "0.5", description = "Lowest multiplier; default from configuration (0.5)") BigDecimal floor,
            @DecimalMin("0") @DecimalMax("10") @Digits(integer = 2, fraction = 4) @Schema(example = "1.5", description = "Highest multiplier; default from configuration (1.5)") BigDecimal cap) {
    }

    @Schema(description = "How one area takes part")
    public record AreaSetting(
            @NotBlank @Schema(example = "DAG") String areaCode,
            @Schema(example = "false", description = "Fully exempt: the area carries nothing") Boolean exempt,
            @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) @Schema(example = "0.5", description = "Share of its normal weight the area carries (0.5 = half, e.g. day care after the minimum staffing norms); the rest is rebalanced over the others") BigDecimal reductionFactor,
            @Size(max = 4) @Schema(description = "Fixed amounts for chosen years; the remainder of the target is spread over the other areas")
            List<@Valid @NotNull ManualAmount> manualAmounts,
            @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 2) @Schema(example = "112.5", description = "DIFFERENTIATED: spending against comparable municipalities, 100 = the same") BigDecimal spendingIndex,
            @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(example = "2.5", description = "CUSTOM: the area's weight") BigDecimal weight) {
    }

    public record ManualAmount(@NotNull @Schema(example = "2027") Integer year,
            @NotNull @Min(0) @Kroner @Schema(example = "5000000") Long amount) {
    }

    public record FunctionView(IndexSource source, Long potentialAnalysisId, BigDecimal sensitivity, BigDecimal floor,
            BigDecimal cap) {
    }

    /**
     * @param requirement the room the target requires in the year (kroner)
     * @param allocated the requirement in the rounding unit: what the areas sum to exactly
     */
    public record TotalView(int year, long requirement, long allocated, long budgetTotal, BigDecimal percentOfBudget) {
    }

    /** @param keyShare the area's share in percent of what the key spread that year; null when exempt or manual */
    public record AreaYearView(int year, long budget, long amount, BigDecimal percentOfBudget, boolean manual,
            BigDecimal keyShare) {
    }

    public record AreaAllocationView(String code, String name, int mainAccount, String committee, boolean exempt,
            BigDecimal reductionFactor, BigDecimal spendingIndex, BigDecimal multiplier, BigDecimal customWeight,
            List<AreaYearView> years, long total) {
    }

    /**
     * @param round null for a preview (nothing stored)
     * @param published whether the round left the service as {@code target.allocated} (adopted targets only)
     * @param warnings on a new round or a preview: {@code area-register-missing} while the municipality has no
     *        register of policy areas (its areas were not checked)
     */
    public record AllocationView(long targetId, String targetName, Integer round, boolean preview, int budgetYear,
            List<Integer> years, int priceLevelYear, AllocationKey key, long roundingUnit, String reason,
            FunctionView differentiated, List<TotalView> totals, List<AreaAllocationView> areas, long budgetVersion,
            Instant createdAt, String createdBy, boolean published, Instant publishedAt,
            List<PolicyAreaModels.Warning> warnings) {

        public AllocationView withWarnings(List<PolicyAreaModels.Warning> more) {
            return new AllocationView(targetId, targetName, round, preview, budgetYear, years, priceLevelYear, key,
                    roundingUnit, reason, differentiated, totals, areas, budgetVersion, createdAt, createdBy, published,
                    publishedAt, more);
        }
    }

    public record RoundSummary(int round, AllocationKey key, long roundingUnit, String reason, Instant createdAt,
            String createdBy, Instant publishedAt, List<YearValue> allocated) {
    }
}
