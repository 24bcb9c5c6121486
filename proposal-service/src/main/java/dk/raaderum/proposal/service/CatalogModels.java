package dk.raaderum.proposal.service;

import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.proposal.domain.CatalogStatus;
import dk.raaderum.proposal.service.AgreementModels.FrameBreachView;
import dk.raaderum.proposal.service.simulation.SimulationModels.AgreementSection;
import dk.raaderum.proposal.service.simulation.SimulationModels.Assumption;
import dk.raaderum.proposal.service.simulation.SimulationModels.PolicySection;
import dk.raaderum.proposal.service.simulation.SimulationModels.Warning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.UniqueElements;

import java.time.Instant;
import java.util.List;

/** Requests and answers about catalogs. */
public final class CatalogModels {

    private CatalogModels() {
    }

    @Schema(description = "A policy area of the municipality")
    public record AreaInput(
            @NotBlank @Pattern(regexp = PolicyAreaRef.CODE_PATTERN, message = PolicyAreaRef.CODE_MESSAGE)
            @Schema(example = "ÆLD") String code,
            @NotBlank @Size(max = 200) @Schema(example = "Ældreområdet") String name,
            @NotNull @Min(0) @Max(6) @Schema(example = "5", description = "Main account (hovedkonto) 0–6") Integer mainAccount,
            @NotBlank @Size(max = 200) @Schema(example = "Social- og Sundhedsudvalget") String committee) {
    }

    @Schema(description = "A new catalog for a budget year")
    public record CreateCatalog(
            @NotNull
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST)
            @Schema(example = "2027", description = "Budget year; the catalog covers it and the 3 projection years") Integer budgetYear,
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST)
            @Schema(example = "2027", description = "Price level of all amounts; defaults to the budget year") Integer priceLevelYear,
            @NotBlank @Size(max = 200) @Schema(example = "Omstillingskatalog 2027–2030") String title,
            @Min(0) @Max(10) @Schema(example = "1", description = "Karensperiode in years (0 disables); default 1") Integer karensperiodeYears,
            @NotEmpty List<@Valid AreaInput> areas) {
    }

    @Schema(description = "Changes to a catalog")
    public record UpdateCatalog(
            @NotBlank @Size(max = 200) String title,
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer priceLevelYear,
            @Min(0) @Max(10) Integer karensperiodeYears,
            @Schema(description = "The version you read (optimistic locking); or send If-Match") Long version) {
    }

    public record AreaView(String code, String name, int mainAccount, String committee) {
    }

    @Schema(description = "A catalog named by id and path")
    public record CatalogRef(@Schema(example = "4711") long id, @Schema(example = "2028") int budgetYear,
            @Schema(example = "Omstillingskatalog 2028–2031") String title,
            @Schema(example = "/api/v1/municipalities/329/catalogs/4711") String href) {
    }

    /**
     * @param warnings about the catalog's areas and the municipality's register of policy areas:
     *        {@code area-register-missing} (no register received yet), {@code area-not-in-register} (codes the register
     *        lacks or has retired), {@code area-register-pending} (on the answer that added such an area with a newer
     *        {@code policyAreaRevision})
     */
    public record CatalogView(long id, String municipality, int budgetYear, List<Integer> years, int priceLevelYear,
            String title, CatalogStatus status, int karensperiodeYears, List<AreaView> areas, Instant createdAt,
            String createdBy, Instant adoptedAt, long version, List<Warning> warnings,
            @Schema(description = "The catalog this one was rolled over from (POST …/rollover), or null")
            CatalogRef rolledOverFrom,
            @Schema(description = "The next budget year's catalog rolled over from this one, or null") CatalogRef rolledOverTo,
            @Schema(description = "The multi-year agreement covering the catalog's budget year (recorded before or"
                    + " after the catalog, or the one it was made from), or null") AgreementRef agreement,
            @Schema(description = "Only for an ADOPTED catalog (GET of one catalog): the agreed selection against the"
                    + " economic policy and the agreement's fixed frames, as the budget agreement's answer gave it")
            AgreedCheck agreedCheck) {

        CatalogView withCheck(AgreedCheck check) {
            return new CatalogView(id, municipality, budgetYear, years, priceLevelYear, title, status,
                    karensperiodeYears, areas, createdAt, createdBy, adoptedAt, version, warnings, rolledOverFrom,
                    rolledOverTo, agreement, check);
        }
    }

    @Schema(description = "A multi-year agreement named by id and path")
    public record AgreementRef(@Schema(example = "12") long id, @Schema(example = "Budgetaftale 2027–2028") String title,
            @Schema(example = "/api/v1/municipalities/370/agreements/12") String href) {
    }

    @Schema(description = "The agreed selection checked: against the economic policy per year and key figure, and"
            + " each committee against its fixed frame when a multi-year agreement covers the budget year; warnings"
            + " POLICY_BOUND_BREACHED and COMMITTEE_FRAME_BREACHED name what is breached")
    public record AgreedCheck(PolicySection policy, AgreementSection agreement, List<Warning> warnings) {
    }

    @Schema(description = "The budget agreement: these presented proposals are adopted, every other presented one is rejected")
    public record Adoption(
            @NotNull @UniqueElements @Schema(example = "[101, 102, 151]") List<@NotNull Long> adoptedProposalIds,
            @Size(max = 2000) @Schema(example = "Budgetforlig 2027 indgået 8. oktober") String comment,
            @Size(max = 4) @Schema(description = "Stated assumptions per year (borrowing, instalments) for the economic"
                    + " policy check; kept with the catalog") List<@Valid @NotNull Assumption> assumptions) {

        public Adoption(List<Long> adoptedProposalIds, String comment) {
            this(adoptedProposalIds, comment, null);
        }
    }

    public record AdoptionResult(long catalogId, CatalogStatus status, List<Long> adopted, List<Long> rejected,
            Instant adoptedAt, AgreedCheck check,
            @Schema(description = "Fixed committee frames the agreement breaches, flagged to the finance committee"
                    + " (agreement.frame-breached); empty when none") List<FrameBreachView> frameBreaches) {
    }
}
