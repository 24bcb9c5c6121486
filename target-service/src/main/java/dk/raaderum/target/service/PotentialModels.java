package dk.raaderum.target.service;

import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.web.validation.Kroner;
import dk.raaderum.target.domain.Realism;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Requests and answers about potential analyses. */
public final class PotentialModels {

    /** At most this many comparison rows (98 municipalities × 100 areas). */
    public static final int MAX_COMPARISONS = 9_800;

    private PotentialModels() {
    }

    @Schema(description = "A potential analysis: areas with own unit cost and volume, the comparison municipalities' unit costs, the rank N of the benchmark and a realism")
    public record PotentialInput(
            @NotBlank @Size(max = 200) @Schema(example = "Potentialepakker 2027") String name,
            @Size(max = 4000) @Schema(example = "Udgiftsniveau sammenlignet med den 10. billigste kommune") String description,
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) @Schema(example = "2027") Integer budgetYear,
            @Min(1) @Max(97) @Schema(example = "10", description = "N: the benchmark is the N-th cheapest comparison municipality; default from configuration (10)") Integer rank,
            @Valid @Schema(description = "How the total is scaled down; default NONE") RealismInput realism,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull PotentialAreaInput> areas,
            @Size(max = MAX_COMPARISONS) @Schema(description = "The comparison set; may also be sent later as CSV (PUT …/comparisons). Left out on a change: the existing set is kept")
            List<@Valid @NotNull ComparisonInput> comparisons,
            @Schema(description = "The version you read (optimistic locking); or send If-Match") Long version) {
    }

    @Schema(description = "FACTOR: realistic = total × factor; CAP: realistic = min(total, cap); NONE: the full potential")
    public record RealismInput(
            @NotNull @Schema(example = "CAP") Realism kind,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 4) @Schema(example = "0.27") BigDecimal factor,
            @Min(0) @Kroner @Schema(example = "80000000") Long cap) {
    }

    public record PotentialAreaInput(
            @NotBlank @Pattern(regexp = PolicyAreaRef.CODE_PATTERN, message = PolicyAreaRef.CODE_MESSAGE)
            @Schema(example = "DAG") String code,
            @NotBlank @Size(max = 200) @Schema(example = "Dagtilbud") String name,
            @Size(max = 200) @Schema(example = "kr. pr. 0–5-årig") String unitLabel,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(example = "2950") BigDecimal volume,
            @NotNull @Min(0) @Kroner @Schema(example = "91500", description = "Own unit cost, whole kroner") Long ownUnitCost) {
    }

    public record ComparisonInput(
            @NotBlank @Schema(example = "DAG") String areaCode,
            @NotBlank @Pattern(regexp = "\\d{3}", message = "a 3-digit municipality code") @Schema(example = "561") String municipalityCode,
            @NotNull @Min(0) @Kroner @Schema(example = "84200") Long unitCost) {
    }

    @Schema(description = "What has been realised of the potential so far, per area and year (the narrow path); replaces the earlier figures")
    public record RealisationInput(
            @NotNull @Size(max = 400) List<@Valid @NotNull RealisedAmount> realised,
            @Schema(description = "The version you read (optimistic locking); or send If-Match") Long version) {
    }

    public record RealisedAmount(@NotBlank @Schema(example = "DAG") String areaCode,
            @NotNull @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) @Schema(example = "2027") Integer year,
            @NotNull @Min(0) @Kroner @Schema(example = "4000000") Long amount) {
    }

    public record RealismView(Realism kind, BigDecimal factor, Long cap) {
    }

    /**
     * @param benchmarkUnitCost the N-th cheapest comparison unit cost; null when fewer than N comparisons
     * @param ownPosition the own unit cost's place among the comparison municipalities and itself (1 = cheapest)
     * @param spendingIndex own / benchmark × 100, usable by a DIFFERENTIATED key
     */
    public record PotentialAreaView(int rank, String code, String name, String unitLabel, BigDecimal volume,
            long ownUnitCost, Long benchmarkUnitCost, int comparisons, int ownPosition, long gapPerUnit, long potential,
            long realisticPotential, BigDecimal sharePercent, BigDecimal spendingIndex, boolean complete,
            List<YearValue> realised) {
    }

    public record PotentialView(long id, String municipality, String name, String description, Integer budgetYear,
            int rank, RealismView realism, List<PotentialAreaView> areas, long totalPotential, long realisticTotal,
            BigDecimal scaleFactor, boolean complete, int comparisonCount, List<YearValue> realisedTotal,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {
    }

    public record PotentialSummary(long id, String name, Integer budgetYear, int rank, int areaCount,
            long totalPotential, long realisticTotal, boolean complete, Instant updatedAt, long version) {
    }
}
