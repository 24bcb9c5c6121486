package dk.raaderum.proposal.service.simulation;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.web.validation.Kroner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * The budget simulation's input and output. Room is in whole kroner at the catalog's price level (targets are
 * converted to it) and positive when created: a proposal with net change −1,000,000 creates 1,000,000 of room.
 */
public final class SimulationModels {

    private SimulationModels() {
    }

    @Schema(description = "A percent for one year")
    public record YearPercent(@NotNull @Schema(example = "2027") Integer year,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "0.5") BigDecimal percent) {
    }

    @Schema(description = "General frame reduction (grønthøster): percent of each area's budget per year, except exempted areas")
    public record FrameReduction(@NotNull @Size(min = 1) List<@Valid @NotNull YearPercent> percentPerYear,
            @Schema(example = "[\"DAG\"]") List<String> exemptAreas) {
    }

    @Schema(description = "Price/wage compensation withheld from the chosen areas: percent of their budget, every year")
    public record WithheldCompensation(
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "1.2") BigDecimal percent,
            @NotNull @Size(min = 1) @Schema(example = "[\"ÆLD\", \"SKO\"]") List<String> areas) {
    }

    @Schema(description = "An area's operating budget for one year, when target-service has not sent it")
    public record AreaBudget(@NotNull String areaCode, @NotNull Integer year, @NotNull @Kroner Long amount) {
    }

    @Schema(description = "What to simulate: a selection of proposals, optionally with general measures")
    public record SimulationRequest(
            @NotNull @Schema(example = "[101, 102, 151]") List<@NotNull Long> proposalIds,
            @Valid FrameReduction frameReduction,
            @Valid WithheldCompensation withheldCompensation,
            @Schema(description = "Area budgets to use instead of those received from target-service")
            List<@Valid @NotNull AreaBudget> areaBudgets) {
    }

    public record YearRoom(int year, long roomCreated, long savings, long efficiency, long investments, long roomSpent,
            long frameReduction, long withheldCompensation, long netRoom) {
    }

    @Schema(description = "One area and year: room by the selection, the area's target from target-service, covered part and gap")
    public record AreaYear(int year, long roomCreated, long roomSpent, long frameReduction, long withheldCompensation,
            long netRoom, Long target, Long covered, Long gap) {
    }

    public record AreaRoom(String areaCode, String areaName, String committee, List<AreaYear> years) {
    }

    public record Warning(String code, String message) {
    }

    public record Selected(long id, String number, ProposalType type, String areaCode) {
    }

    @Schema(description = "The price level every amount of the answer is at: the catalog's (for `…/targets`, the"
            + " `priceLevelYear` asked for, by default the catalog's). Targets (and area budgets) target-service allocated"
            + " at another level are PL-regulated to it with the municipality's price index; `convertedFrom` lists those"
            + " levels (empty when nothing was converted)")
    public record SimulationPriceLevel(@Schema(example = "2026") int year,
            @Schema(example = "[2027]") List<Integer> convertedFrom) {
    }

    public record SimulationResult(long catalogId, int priceLevelYear, List<Selected> selection, List<YearRoom> years,
            long netRoomTotal, List<AreaRoom> areas, List<Warning> warnings, SimulationPriceLevel priceLevel) {
    }
}
