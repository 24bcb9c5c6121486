package dk.raaderum.target.service;

import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.target.domain.BudgetSource;
import dk.raaderum.target.service.PolicyAreaModels.Warning;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Requests and answers about base budgets. */
public final class BudgetModels {

    /** At most this many areas in one base budget. */
    public static final int MAX_AREAS = 500;

    private BudgetModels() {
    }

    @Schema(description = "A base budget to import: every policy area with its operating budget for the four years."
            + " Rows are checked together; a bad row rejects the whole import (422 with the row numbers).")
    public record BudgetImport(
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST)
            @Schema(example = "2027", description = "Price level of the amounts; defaults to the budget year") Integer priceLevelYear,
            @NotNull @Size(max = MAX_AREAS) List<AreaRow> areas,
            @Schema(description = "The version you read, when you replace a budget (optimistic locking); or send If-Match") Long version) {
    }

    @Schema(description = "A policy area of the base budget (one row)")
    public record AreaRow(
            @Schema(example = "ÆLD", description = "The municipality's area code (2–10 capital letters or digits), the same as in its proposal catalogs") String code,
            @Schema(example = "Ældreområdet") String name,
            @Schema(example = "5", description = "Main account (hovedkonto) 0–6") Integer mainAccount,
            @Schema(example = "Social- og Sundhedsudvalget") String committee,
            @Schema(description = "The operating budget of the budget year and the three projection years, whole kroner ≥ 0")
            List<AmountRow> amounts) {
    }

    /** Checked with the rows (BudgetRows: a 422 naming the row), so no constraint here. */
    public record AmountRow(@Schema(example = "2027") Integer year, @Schema(example = "612000000", description = "Whole kroner, at most 1,000,000,000,000 either way") Long amount) {
    }

    /** @param name the register's name of the area when it has one (renames show here), else the imported one */
    public record AreaView(String code, String name, int mainAccount, String committee, List<YearValue> amounts) {
    }

    /**
     * @param warnings {@code area-register-missing} while the municipality has no register of policy areas,
     *        {@code area-not-in-register} for areas the register does not have (any more)
     */
    public record BudgetView(String municipality, int budgetYear, List<Integer> years, int priceLevelYear,
            BudgetSource source, List<AreaView> areas, List<YearValue> totals, Instant importedAt, String importedBy,
            long version, List<Warning> warnings) {
    }

    public record BudgetSummary(int budgetYear, int priceLevelYear, int areaCount, List<YearValue> totals,
            BudgetSource source, Instant importedAt, String importedBy, long version) {
    }

    /** The outcome of an import: the budget, and whether it was new (201) or replaced one (200). */
    public record Imported(BudgetView budget, boolean created) {
    }
}
