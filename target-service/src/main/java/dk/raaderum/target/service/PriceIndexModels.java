package dk.raaderum.target.service;

import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.events.PriceLevel;
import dk.raaderum.target.domain.PriceIndexSource;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Requests and answers about a municipality's price index (PL-regulering). */
public final class PriceIndexModels {

    /** The most years a municipality may enter (2000–2100). */
    public static final int MAX_YEARS = 101;

    private PriceIndexModels() {
    }

    @Schema(description = "One year of the effective index")
    public record YearIndexView(
            @Schema(example = "2027") int year,
            @Schema(example = "126.9924", description = "The index (any base; only ratios between years matter)") BigDecimal index,
            @Schema(example = "2.2", description = "Change from the year before in percent (the PL rate), two decimals; null for the first year or after a gap") BigDecimal changePercent,
            @Schema(example = "DEFAULT") PriceIndexSource source) {
    }

    @Schema(description = "The municipality's effective price index: the platform's default (KL's PL for service expenses) overlaid with the municipality's own years")
    public record PriceIndexView(
            @Schema(example = "573") String municipality,
            @Schema(example = "0", description = "0 until the municipality edits its index; the ETag") long version,
            @Schema(description = "What the DEFAULT years are") String defaultSource,
            List<YearIndexView> years,
            Instant updatedAt,
            String updatedBy) {
    }

    @Schema(description = "A year of the municipality's own index")
    public record YearIndexInput(
            @NotNull @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) @Schema(example = "2027") Integer year,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 6, fraction = 6)
            @Schema(example = "127.35") BigDecimal index) {
    }

    @Schema(description = "The municipality's own years (they replace every own year entered before; years left out fall back to the default)")
    public record PriceIndexInput(
            @NotNull @Size(max = MAX_YEARS) List<@Valid @NotNull YearIndexInput> years,
            @Schema(description = "The version you read (optimistic locking); or send If-Match") Long version) {
    }

    @Schema(description = "An amount PL-regulated from one price level to another")
    public record Conversion(
            @Schema(example = "10000000", description = "The amount given, whole kroner at `from`'s prices") long amount,
            @Schema(example = "2026") int from,
            @Schema(example = "2027") int to,
            @Schema(example = "1.0220000692", description = "index(to) / index(from), ten decimals (for display; the conversion is exact)") BigDecimal factor,
            @Schema(example = "10220001", description = "amount × index(to) / index(from), half even to whole kroner") long converted,
            @Schema(description = "The level of `converted`") PriceLevel priceLevel) {
    }
}
