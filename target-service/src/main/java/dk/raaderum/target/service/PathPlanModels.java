package dk.raaderum.target.service;

import dk.raaderum.platform.events.PriceLevel;
import dk.raaderum.platform.web.validation.Kroner;
import dk.raaderum.target.domain.CompensationKind;
import dk.raaderum.target.domain.RoomPath;
import dk.raaderum.target.service.CoverageModels.CoverageLevel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.UniqueElements;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Requests and answers about the five paths plan. */
public final class PathPlanModels {

    private PathPlanModels() {
    }

    @Schema(description = "The five paths in one plan for a budget year. The broad and cross-cutting paths come from adopted proposals (events); the others are stated here.")
    public record PathPlanInput(
            @NotBlank @Size(max = 200) @Schema(example = "Råderumsplan 2027–2030") String title,
            @Schema(example = "1", description = "Room needed = this target's requirement per year (or state roomNeeded; not both)") Long targetId,
            @Size(max = 4) @Schema(description = "The room needed per year, kroner at the plan's price level (the base budget's)") List<@Valid @NotNull YearAmountInput> roomNeeded,
            @Size(max = 200) @Schema(description = "The quiet path as percentages: compensation withheld on chosen areas. Used only while the budget year has no technical adjustment lines (…/budgets/{budgetYear}/adjustments); once it has lines, the lines win: the quiet path is the lines not compensated, and these percentages are kept but not used (`technicalAdjustments.quietPathFrom` says which)") List<@Valid @NotNull QuietInput> quiet,
            @Valid @Schema(description = "The direct path: a general frame reduction with exemptions") DirectInput direct,
            @Schema(description = "The narrow path: the potential analyses whose realised potential counts; left out = every analysis of the municipality")
            @UniqueElements List<@NotNull Long> narrowAnalysisIds,
            @Schema(description = "The version you read (optimistic locking); or send If-Match") Long version) {
    }

    public record YearAmountInput(@NotNull @Schema(example = "2027") Integer year,
            @NotNull @Min(0) @Kroner @Schema(example = "40000000") Long amount) {
    }

    public record YearPercent(@NotNull @Schema(example = "2027") Integer year,
            @NotNull @DecimalMin("0") @DecimalMax("10") @Digits(integer = 2, fraction = 4) @Schema(example = "1.8") BigDecimal percent) {
    }

    @Schema(description = "Price/wage or demography compensation withheld on an area: percent of the area's budget per year")
    public record QuietInput(
            @NotBlank @Schema(example = "ADM") String areaCode,
            @NotNull @Schema(example = "PRICE_WAGE") CompensationKind kind,
            @NotEmpty @Size(max = 4) List<@Valid @NotNull YearPercent> percent) {
    }

    @Schema(description = "A general frame reduction: percent per year of the budget of every area not exempted")
    public record DirectInput(
            @NotEmpty @Size(max = 4) List<@Valid @NotNull YearPercent> percent,
            @Schema(example = "[\"DAG\", \"SKO\"]") List<@NotBlank String> exemptAreas) {
    }

    /** The stored part of a plan (JSON in path_plan.input). */
    public record StoredPlan(Long targetId, List<YearAmountInput> roomNeeded, List<QuietInput> quiet, DirectInput direct,
            List<Long> narrowAnalysisIds) {
    }

    /**
     * @param label an area code, a proposal number or an analysis name
     * @param priceLevel e.g. {@code {"year": 2027, "convertedFrom": 2026}} for a proposal of a catalog at 2026 prices;
     *        {@code convertedFrom} null when the amounts were at the plan's level
     */
    public record PathItem(String label, String detail, List<YearValue> amounts,
            @Schema(example = "{\"year\": 2027, \"convertedFrom\": 2026}") PriceLevel priceLevel) {
    }

    /** @param share the path's share of the year's room, percent */
    public record PathYear(int year, long amount, BigDecimal share) {
    }

    /**
     * @param sharePercent the path's share of all room over the horizon
     * @param priceLevel the plan's level and the levels this path's items were converted from
     */
    public record PathView(RoomPath path, String name, List<PathYear> years, long total, BigDecimal sharePercent,
            List<PathItem> items, CoverageLevel priceLevel) {
    }

    /**
     * @param gap needed − total room (positive: still missing)
     * @param coveragePercent total room / needed × 100
     * @param expansions room spent by adopted expansion proposals
     * @param netRoom total room − expansions
     */
    public record PlanYear(int year, Long needed, long totalRoom, Long gap, BigDecimal coveragePercent, long expansions,
            long netRoom) {
    }

    /**
     * @param priceLevel every amount is at {@code priceLevel.year}'s prices (the base budget's, the budget year without
     *        one); {@code convertedFrom} lists the levels that adopted proposals and the target's requirement were
     *        converted from
     * @param roomNeededPriceLevel the level the room needed was converted from (a target's allocation round); null
     *        when there is no room needed
     */
    public record PathPlanView(String municipality, int budgetYear, List<Integer> years, CoverageLevel priceLevel,
            String title, Long targetId, List<PlanYear> summary, PriceLevel roomNeededPriceLevel, List<PathView> paths,
            List<PathItem> expansions, TechnicalAdjustments technicalAdjustments, List<String> notes, PathPlanInput input, Instant updatedAt, String updatedBy,
            long version) {
    }

    /**
     * The budget year's technical adjustment lines as the plan uses them, at the plan's price level.
     *
     * @param revision the lines' revision (0: none)
     * @param quietPathFrom {@link #QUIET_FROM_LINES} when the budget year has lines (the quiet path is the lines not
     *        compensated), else {@link #QUIET_FROM_PERCENT} (the plan's {@code quiet} percentages)
     * @param years per year the lines' sum: compensated, not compensated (= the quiet path when from lines), total
     */
    public record TechnicalAdjustments(long revision, int lines, String quietPathFrom,
            @Schema(example = "{\"year\": 2027, \"convertedFrom\": 2026}") PriceLevel priceLevel,
            List<AdjustmentModels.YearTotal> years) {
    }

    /** The quiet path is the technical adjustment lines not compensated. */
    public static final String QUIET_FROM_LINES = "ADJUSTMENT_LINES";
    /** The quiet path is the plan's percentages (the budget year has no technical adjustment lines). */
    public static final String QUIET_FROM_PERCENT = "PLAN_PERCENT";

    public record PathPlanSummary(int budgetYear, String title, Instant updatedAt, String updatedBy, long version) {
    }

    /** @param created true when the plan was new (201) */
    public record Saved(PathPlanView plan, boolean created) {
    }
}
