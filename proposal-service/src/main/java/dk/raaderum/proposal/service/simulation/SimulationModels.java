package dk.raaderum.proposal.service.simulation;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.web.validation.Kroner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.UniqueElements;

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

    @Schema(description = "An area's operating budget for one year of the catalog (0 kr. or more), when target-service"
            + " has not sent it")
    public record AreaBudget(@NotNull String areaCode, @NotNull Integer year,
            @NotNull @Min(0) @Kroner Long amount) {
    }

    @Schema(description = "What to simulate: a selection of proposals, optionally with general measures")
    public record SimulationRequest(
            @NotNull @UniqueElements @Schema(example = "[101, 102, 151]") List<@NotNull Long> proposalIds,
            @Valid FrameReduction frameReduction,
            @Valid WithheldCompensation withheldCompensation,
            @Schema(description = "Area budgets to use instead of those received from target-service")
            List<@Valid @NotNull AreaBudget> areaBudgets,
            @Schema(description = "Stated assumptions per year for the economic policy check: new borrowing (financing)"
                    + " and instalments on debt; a year left out has none")
            List<@Valid @NotNull Assumption> assumptions) {

        /** Without the economic-policy assumptions. */
        public SimulationRequest(List<Long> proposalIds, FrameReduction frameReduction,
                WithheldCompensation withheldCompensation, List<AreaBudget> areaBudgets) {
            this(proposalIds, frameReduction, withheldCompensation, areaBudgets, null);
        }
    }

    @Schema(description = "A stated assumption for one year, whole kroner at the catalog's price level: new borrowing"
            + " (financing; moves cash holdings up and long-term debt up) and instalments on debt (move both down)")
    public record Assumption(@NotNull @Schema(example = "2027") Integer year,
            @Kroner @Schema(example = "20000000") Long borrowing,
            @Kroner @Schema(example = "12000000") Long instalments) {

        public long borrowingOrZero() {
            return borrowing == null ? 0 : borrowing;
        }

        public long instalmentsOrZero() {
            return instalments == null ? 0 : instalments;
        }
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

    @Schema(description = "One key figure in one year, in kroner at the catalog's price level (exact): the baseline"
            + " (the base budget's projection), the selection's effect, the resulting value and the bound; HELD or"
            + " BREACHED and by how much")
    public record PolicyYear(@Schema(example = "2027") int year,
            @Schema(example = "0") BigDecimal baseline,
            @Schema(example = "1250000") BigDecimal effect,
            @Schema(example = "1250000") BigDecimal value,
            @Schema(example = "1500000") BigDecimal bound,
            @Schema(description = "For a bound in percent: the percent (the bound is percent × basis / 100)",
                    example = "1.5") BigDecimal boundPercent,
            @Schema(example = "BREACHED") PolicyStatus status,
            @Schema(description = "0 when held", example = "250000") BigDecimal breachedBy) {
    }

    public enum PolicyStatus {
        HELD, BREACHED
    }

    public record PolicyFigure(@Schema(example = "room") String key,
            @Schema(example = "Råderum (budgethåndtag) 1,5 % af driftsbudgettet") String name,
            @Schema(example = "ROOM") String kind, @Schema(example = "PERCENT") String unit,
            @Schema(example = "AT_LEAST") String boundType, List<PolicyYear> years) {
    }

    @Schema(description = "The selection against the municipality's adopted economic policy (target-service's"
            + " economic-policy.adopted), for each of the catalog's years the policy bounds; adopted=false when the"
            + " municipality has none (then nothing else)")
    public record PolicySection(boolean adopted, @Schema(example = "7") Long policyId, @Schema(example = "2") Integer version,
            @Schema(example = "KB 2025-06-19 pkt. 7") String decisionReference,
            @Schema(description = "The policy's own price level; its kroner are converted to the catalog's")
            Integer policyPriceLevelYear, List<PolicyFigure> figures) {

        public static final PolicySection NONE = new PolicySection(false, null, null, null, null, List.of());
    }

    @Schema(description = "A committee's position in one year against its fixed frame: its areas' operating budget,"
            + " plus its own selected proposals, against the fixed frame plus the compensated technical adjustments of"
            + " its areas. BREACHED when its own proposals do not meet the overrun; UNKNOWN when an area's budget is not"
            + " known (missingBudgets)")
    public record CommitteeYear(@Schema(example = "2027") int year, @Schema(example = "412000000") Long budget,
            @Schema(example = "-3000000") long ownProposals, @Schema(example = "409000000") Long spending,
            @Schema(example = "405000000") long fixedFrame, @Schema(example = "2000000") long adjustments,
            @Schema(example = "407000000") long frame,
            @Schema(description = "spending before its proposals − frame, when positive", example = "5000000")
            Long overrunBeforeProposals,
            @Schema(description = "spending − frame, when positive (0 when held)", example = "2000000") Long breachedBy,
            @Schema(example = "BREACHED") CommitteeStatus status, List<String> missingBudgets) {
    }

    public enum CommitteeStatus {
        HELD, BREACHED, UNKNOWN
    }

    public record CommitteePosition(@Schema(example = "Social- og Sundhedsudvalget") String committee,
            @Schema(example = "[\"ÆLD\"]") List<String> areaCodes, List<CommitteeYear> years) {
    }

    @Schema(description = "The multi-year agreement covering the catalog's budget year, with each committee's position"
            + " against its fixed frame in the covered years of the catalog; null when no agreement covers it")
    public record AgreementSection(@Schema(example = "12") long agreementId,
            @Schema(example = "Budgetaftale 2021–2022") String title, @Schema(example = "2021") int firstBudgetYear,
            @Schema(example = "2022") int lastBudgetYear, List<CommitteePosition> committees) {
    }

    public record SimulationResult(long catalogId, int priceLevelYear, List<Selected> selection, List<YearRoom> years,
            long netRoomTotal, List<AreaRoom> areas, List<Warning> warnings, SimulationPriceLevel priceLevel,
            PolicySection policy, AgreementSection agreement) {
    }
}
