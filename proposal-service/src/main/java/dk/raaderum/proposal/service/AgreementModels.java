package dk.raaderum.proposal.service;

import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.proposal.service.CatalogModels.CatalogRef;
import dk.raaderum.proposal.service.ProposalModels.YearAmountInput;
import dk.raaderum.proposal.service.ProposalModels.YearAmountView;
import dk.raaderum.proposal.service.RolloverModels.RolloverRequest;
import dk.raaderum.proposal.service.RolloverModels.RolloverResult;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Requests and answers about multi-year agreements. */
public final class AgreementModels {

    private AgreementModels() {
    }

    @Schema(description = "A committee (fagudvalg) of the agreement: the catalog areas it answers for and its fixed"
            + " operating frame for every budget year the agreement covers (whole kroner)")
    public record CommitteeInput(
            @NotBlank @Size(max = 200) @Schema(example = "Social- og Sundhedsudvalget") String name,
            @NotEmpty @Size(max = 100) @Schema(example = "[\"ÆLD\"]")
            List<@NotNull @Pattern(regexp = PolicyAreaRef.CODE_PATTERN, message = PolicyAreaRef.CODE_MESSAGE) String>
            areaCodes,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull YearAmountInput> frames) {
    }

    @Schema(description = "A multi-year budget agreement (e.g. Næstved's two-year agreement: every committee's frame"
            + " fixed for both years, problems solved inside the frame)")
    public record AgreementInput(
            @NotBlank @Size(max = 200) @Schema(example = "Budgetaftale 2027–2028") String title,
            @NotNull @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) @Schema(example = "2027") Integer firstBudgetYear,
            @NotNull @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) @Schema(example = "2028") Integer lastBudgetYear,
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST)
            @Schema(description = "The prices of the frames; default the first budget year",
                    example = "2027") Integer priceLevelYear,
            @NotBlank @Size(max = 500) @Schema(example = "BY 2026-10-06 pkt. 4") String decisionReference,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull CommitteeInput> committees) {
    }

    public record CommitteeView(@Schema(example = "Social- og Sundhedsudvalget") String name,
            @Schema(example = "[\"ÆLD\"]") List<String> areaCodes, List<YearAmountView> frames) {
    }

    @Schema(description = "A committee's fixed frame breached by the budget agreement (adoption) of a covered catalog,"
            + " flagged to the finance committee; amounts at the catalog's price level")
    public record FrameBreachView(@Schema(example = "4711") long catalogId,
            @Schema(example = "Social- og Sundhedsudvalget") String committee, @Schema(example = "2028") int year,
            @Schema(example = "409000000") long spending, @Schema(example = "407000000") long frame,
            @Schema(example = "2000000") long overrun, Instant flaggedAt) {
    }

    public record AgreementView(long id, String municipality, String title, int firstBudgetYear, int lastBudgetYear,
            List<Integer> years, int priceLevelYear, String decisionReference, List<CommitteeView> committees,
            @Schema(description = "The municipality's catalogs of the covered budget years") List<CatalogRef> catalogs,
            @Schema(description = "Fixed frames breached by budget agreements of covered catalogs") List<FrameBreachView> frameBreaches,
            Instant createdAt, String createdBy, long version) {
    }

    @Schema(description = "The next covered budget year's catalog, made from the earlier year's catalog; every member"
            + " is optional")
    public record AgreementCatalogRequest(
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST)
            @Schema(description = "The covered budget year to make the catalog for; default the"
                    + " first covered year without a catalog", example = "2028") Integer budgetYear,
            @Valid @Schema(description = "The rollover's choices (which proposals, withdrawn too, title)")
            RolloverRequest rollover) {
    }

    @Schema(description = "The catalog made from the agreement (a rollover of the earlier year's catalog, linked to the agreement)")
    public record AgreementCatalogResult(long agreementId, RolloverResult rollover) {
    }
}
