package dk.raaderum.proposal.service;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.proposal.domain.ProposalStatus;
import dk.raaderum.proposal.service.CatalogModels.AreaView;
import dk.raaderum.proposal.service.CatalogModels.CatalogRef;
import dk.raaderum.proposal.service.CatalogModels.CatalogView;
import dk.raaderum.proposal.service.ProposalModels.PredecessorView;
import dk.raaderum.proposal.service.ProposalModels.YearAmountView;
import dk.raaderum.proposal.service.simulation.SimulationModels.Warning;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.UniqueElements;

import java.util.List;

/** Requests and answers of the rollover: the next budget year's catalog made from an existing one. */
public final class RolloverModels {

    private RolloverModels() {
    }

    /** Why a proposal of the old catalog is not carried over. */
    @Schema(description = "ADOPTED: in the budget, never carried; WITHDRAWN: carried only with includeWithdrawn;"
            + " NOT_CHOSEN: proposalIds was given without it; BREAKS_RULE: its moved amounts (or origin) break a rule of"
            + " proposals, named in rule; AREA_RETIRED: its area is retired in the municipality's register of policy"
            + " areas, so the new catalog leaves the area out; AREA_NOT_IN_REGISTER: the register does not have its"
            + " area, so the new catalog leaves the area out")
    public enum NotCarriedReason {
        ADOPTED, WITHDRAWN, NOT_CHOSEN, BREAKS_RULE, AREA_RETIRED, AREA_NOT_IN_REGISTER
    }

    @Schema(description = "An area of the old catalog that the new one leaves out, because the municipality's register"
            + " of policy areas has retired it or does not have it; its proposals are not carried")
    public record LeftOutArea(@Schema(example = "PSY") String code, @Schema(example = "Psykiatri") String name,
            @Schema(example = "AREA_RETIRED") NotCarriedReason reason,
            @Schema(description = "Its proposals that would otherwise have been considered for carrying (neither"
                    + " adopted nor, without includeWithdrawn, withdrawn)", example = "3") int proposalsNotCarried) {
    }

    @Schema(description = "What to carry into the next budget year's catalog; every member is optional")
    public record RolloverRequest(
            @Size(max = 5000) @UniqueElements @Schema(description = "Carry only these proposals of the catalog (ids); default: every"
                    + " proposal that carries", example = "[101, 102, 151]") List<@NotNull Long> proposalIds,
            @Schema(description = "Carry withdrawn proposals too; default false", example = "false") Boolean includeWithdrawn,
            @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Schema(description = "The new catalog's title; default: the old title with its"
                    + " years moved one on", example = "Omstillingskatalog 2028–2031") String title) {

        public static final RolloverRequest DEFAULTS = new RolloverRequest(null, null, null);

        boolean withdrawnToo() {
            return Boolean.TRUE.equals(includeWithdrawn);
        }
    }

    @Schema(description = "Whether the karensperiode forbids presenting the successor, and until which budget year")
    public record KarensFlag(
            @Schema(description = "True when presenting it in the new catalog's year would be refused (409"
                    + " karensperiode) unless a finance officer overrides it") boolean blocked,
            @Schema(description = "The last budget year in which it may not be presented: the earlier proposal's"
                    + " year + the karensperiode", example = "2028") Integer untilYear,
            @Schema(description = "lineage (a predecessor) or similarity (a near-duplicate)", example = "lineage") String match,
            @Schema(description = "The earlier proposal that was presented and not adopted") PredecessorView earlier) {

        static final KarensFlag CLEAR = new KarensFlag(false, null, null, null);
    }

    @Schema(description = "A proposal carried over: the old one it comes from and its successor in the new catalog")
    public record CarriedProposal(
            @Schema(description = "The old proposal (the successor's predecessor)", example = "4711") long fromId,
            @Schema(example = "ÆLD-03") String fromNumber,
            @Schema(example = "REJECTED") ProposalStatus fromStatus,
            @Schema(description = "The successor's id; null in a preview", example = "5120") Long id,
            @Schema(description = "The successor's number (in a preview: the number it will get)", example = "ÆLD-01")
            String number,
            String title, @Schema(example = "ÆLD") String areaCode, ProposalType type,
            @Schema(description = "Net change per year of the new catalog, after the move") List<YearAmountView> netChange,
            long netTotal, KarensFlag karensperiode) {
    }

    @Schema(description = "A proposal of the old catalog that is not carried over, and why")
    public record NotCarried(long id, String number, String title, @Schema(example = "ÆLD") String areaCode,
            ProposalStatus status, NotCarriedReason reason,
            @Schema(description = "BREAKS_RULE: the rule, as in a 422 business-rule", example = "creates-room") String rule,
            String detail) {
    }

    @Schema(description = "What a rollover would do, nothing written")
    public record RolloverPreview(long fromCatalogId, int fromBudgetYear,
            @Schema(description = "The new catalog's budget year", example = "2028") int budgetYear,
            List<Integer> years, String title, int priceLevelYear, int karensperiodeYears,
            @Schema(description = "The new catalog's areas, named as the register names them now") List<AreaView> areas,
            @Schema(description = "The municipality's catalog for that year, if it has one: the rollover would be 409")
            CatalogRef existingCatalog,
            int carriedCount, int karensBlockedCount, List<CarriedProposal> carried, List<NotCarried> notCarried,
            @Schema(description = "Areas of the old catalog the new one leaves out (retired or unknown in the register)")
            List<LeftOutArea> leftOutAreas,
            @Schema(description = "area-retired, area-not-in-register: the areas left out and what the rollover does"
                    + " with their proposals") List<Warning> warnings) {
    }

    @Schema(description = "The new catalog and what was carried into it")
    public record RolloverResult(long fromCatalogId, int fromBudgetYear, CatalogView catalog, int carriedCount,
            int karensBlockedCount, List<CarriedProposal> carried, List<NotCarried> notCarried,
            @Schema(description = "Areas of the old catalog the new one left out (retired or unknown in the register)")
            List<LeftOutArea> leftOutAreas,
            @Schema(description = "As in the preview") List<Warning> warnings) {
    }
}
