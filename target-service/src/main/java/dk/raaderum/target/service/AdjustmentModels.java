package dk.raaderum.target.service;

import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.web.validation.Kroner;
import dk.raaderum.target.domain.CompensationKind;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Requests and answers about technical budget adjustments (teknisk budget: PL, demography, DUT). */
public final class AdjustmentModels {

    /** 422 rule: a line's price level is not the one of the budget year's other lines. */
    public static final String RULE_PRICE_LEVEL = "adjustment-price-level";

    private AdjustmentModels() {
    }

    @Schema(description = "A technical budget adjustment: the change of an area's expenses per year for a reason outside"
            + " its control, and whether the area is compensated. Not compensated = the area absorbs it: the quiet path"
            + " (den stille vej), quantified.")
    public record LineInput(
            @NotNull @Schema(example = "PRICE_WAGE", description = "PRICE_WAGE (PL-regulering), DEMOGRAPHY or LEGISLATION (DUT)") CompensationKind kind,
            @NotBlank @Size(max = 10) @Schema(example = "ADM", description = "An active area of the municipality's register of policy areas") String areaCode,
            @NotNull @Schema(example = "2026-09-01", description = "When it was decided or calculated") LocalDate dated,
            @NotBlank @Size(max = 1000) @Schema(example = "PL 2027: administrationen kompenseres ikke for pris- og lønstigninger") String description,
            @NotNull @Size(max = 4) @Schema(description = "The change of the area's expenses for each of the four years, whole kroner (positive = the area needs more)")
            List<@Valid @NotNull AmountInput> amounts,
            @NotNull @Schema(example = "false", description = "true: the area's frame grows by it; false: the area absorbs it (the quiet path)") Boolean compensated,
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST)
            @Schema(example = "2027", description = "The price level of the amounts; left out = the budget year's lines' level (the first line fixes it: given, else the base budget's, else the budget year)") Integer priceLevelYear,
            @Schema(description = "The version you read, when you change a line (optimistic locking); or send If-Match") Long version) {
    }

    public record AmountInput(@NotNull @Schema(example = "2027") Integer year,
            @NotNull @Kroner @Schema(example = "1800000") Long amount) {
    }

    public record Amount(int year, long amount) {
    }

    public record LineView(long lineId, CompensationKind kind, String areaCode, String areaName, LocalDate dated,
            String description, List<Amount> amounts, boolean compensated, Instant updatedAt, String updatedBy,
            long version) {
    }

    /**
     * @param notCompensated absorbed by the areas: the quiet path
     */
    public record YearTotal(int year, long compensated, long notCompensated, long total) {
    }

    public record KindTotal(CompensationKind kind, List<YearTotal> years) {
    }

    /**
     * @param revision 0 before the first line; + 1 for every line added, changed or removed
     * @param byKind the sums per kind (every kind)
     * @param totals the sums over all lines per year
     */
    public record AdjustmentsView(String municipality, int budgetYear, List<Integer> years, int priceLevelYear,
            long revision, List<LineView> lines, List<KindTotal> byKind, List<YearTotal> totals, Instant changedAt,
            String changedBy) {
    }

    /** @param revision the budget year's revision after the change */
    public record Saved(LineView line, long revision) {
    }
}
