package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.IdeaOrigin;
import dk.raaderum.ideabank.domain.IdeaRules;
import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.domain.LinkType;
import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.web.validation.Kroner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Requests and answers about ideas. Amounts are whole kroner at the idea's price level; negative creates room. */
public final class IdeaModels {

    private IdeaModels() {
    }

    @Schema(description = "An amount in whole kroner for one of the idea's four budget years (negative creates room)")
    public record YearAmountInput(@NotNull @Schema(example = "2027") Integer year,
            @NotNull @Kroner @Schema(example = "-1500000") Long amount) {

        public YearAmount toYearAmount() {
            return new YearAmount(year, amount);
        }
    }

    @Schema(description = "An idea as its municipality writes it")
    public record IdeaInput(
            @NotBlank @Size(max = IdeaRules.TITLE_MAX) @Schema(example = "Videobesøg i hjemmeplejen") String title,
            @Size(max = IdeaRules.SUMMARY_MAX) @Schema(example = "Udvalgte besøg erstattes af videobesøg for borgere, der ønsker det.") String summary,
            @Size(max = IdeaRules.DESCRIPTION_MAX) @Schema(example = "Medicinpåmindelser og tilsyn klares over skærm. Kørselstiden falder, og borgeren får samme hjælp.") String description,
            @NotNull @Schema(example = "EFFICIENCY") ProposalType type,
            @NotBlank @Size(max = IdeaRules.RATIONALE_MAX) @Schema(example = "Samme hjælp med færre kørselstimer: en effektivisering, ikke en serviceforringelse.") String classificationRationale,
            @NotNull @Schema(example = "false", description = "Does it lower the service level citizens get?") Boolean reducesService,
            @NotBlank @Size(max = 40) @Schema(example = "aeldre", description = "A code of GET /api/v1/ideas/policy-areas") String areaCode,
            @Size(max = IdeaRules.TAGS_MAX) @Schema(example = "[\"velfærdsteknologi\", \"video\"]", description = "Free tags; stored lower-case, each once") List<@NotBlank @Size(max = IdeaRules.TAG_MAX) String> tags,
            @NotNull @Min(IdeaRules.FIRST_BUDGET_YEAR) @Max(IdeaRules.LAST_BUDGET_YEAR) @Schema(example = "2027", description = "The budget year it was made for ("
                    + IdeaRules.FIRST_BUDGET_YEAR + " … " + IdeaRules.LAST_BUDGET_YEAR + ")") Integer budgetYear,
            @Min(PriceIndex.MIN_YEAR) @Max(PriceIndex.MAX_YEAR) @Schema(example = "2027", description = "Price level of the amounts;"
                    + " the budget year's when left out") Integer priceLevelYear,
            @Schema(description = "The change in operating expenses for each of the four budget years (budgetYear … budgetYear + 3)") List<@Valid @NotNull YearAmountInput> amounts,
            @Digits(integer = 5, fraction = 2) @Schema(example = "-2.5", description = "Staff change when fully phased in, full-time equivalents") BigDecimal fteChange,
            @Min(0) @Kroner @Schema(example = "1200000", description = "INVESTMENT only: the investment") Long investmentCost,
            @DecimalMin(value = "0.1") @DecimalMax(value = "50") @Digits(integer = 2, fraction = 1) @Schema(example = "2.5", description = "INVESTMENT only: years until the gains have paid the investment") BigDecimal paybackYears,
            @Size(max = IdeaRules.CONSEQUENCES_MAX) @Schema(description = "What citizens, staff or others will notice; required for SAVING and when it reduces service") String consequences,
            @Size(max = IdeaRules.CONTACT_ROLE_MAX) @Schema(example = "Ældrechef", description = "Whom to ask, as a role") String contactRole,
            @Size(max = IdeaRules.REFERENCE_MAX) @Schema(example = "Budget 2027, forslag ÆLD-03") String sourceReference,
            @Size(max = IdeaRules.SOURCE_KEY_MAX) @Schema(example = "ÆLD-03", description = "The municipality's own number of the proposal") String number,
            @Schema(description = "Updates: the version you read (or send If-Match)") Long version) {
    }

    @Schema(description = "A curator's decision to publish, with corrections of type, area and tags if needed")
    public record PublishInput(
            ProposalType type,
            @Size(max = IdeaRules.RATIONALE_MAX) @Schema(description = "With a corrected type: why this type") String classificationRationale,
            @Size(max = 40) @Schema(example = "aeldre") String areaCode,
            @Size(max = IdeaRules.TAGS_MAX) List<@NotBlank @Size(max = IdeaRules.TAG_MAX) String> tags,
            Boolean reducesService,
            @Size(max = 2000) @Schema(example = "Rettet fagområde") String comment,
            @Schema(description = "The version you read (or send If-Match)") Long version,
            @Schema(description = "For an idea holding a correction of its source proposal (sourceCorrection): true"
                    + " takes it in (then the corrections above apply), false dismisses it; absent leaves it waiting")
            Boolean acceptSourceCorrection) {
    }

    @Schema(description = "A decision with its reason")
    public record ReasonInput(
            @NotBlank @Size(max = 2000) @Schema(example = "Findes allerede i idébanken") String reason,
            @Schema(description = "The version you read (or send If-Match)") Long version) {
    }

    @Schema(description = "Merge this idea into another idea's family")
    public record MergeInput(
            @NotNull @Schema(description = "The idea whose family it joins") Long intoIdeaId,
            @NotBlank @Size(max = 2000) @Schema(example = "Samme forslag som Aarhus' fra B21") String reason,
            @Schema(description = "The version you read of the merged idea (or send If-Match)") Long version) {
    }

    @Schema(description = "A typed link to another idea")
    public record LinkInput(
            @NotNull Long toIdeaId,
            @NotNull @Schema(example = "VARIANT_OF") LinkType type,
            @Size(max = 2000) String comment) {
    }

    @Schema(description = "A text being written, to look for ideas like it before submitting")
    public record DraftInput(
            @NotBlank @Size(max = IdeaRules.TITLE_MAX) @Schema(example = "Videobesøg i hjemmeplejen") String title,
            @Size(max = IdeaRules.SUMMARY_MAX) String summary,
            @Size(max = 40) @Schema(example = "aeldre") String areaCode) {
    }

    public record AreaView(String code, String name, int mainAccount) {
    }

    public record MunicipalityView(String code, String name) {
    }

    public record FamilyMember(long ideaId, String title, IdeaStatus status, MunicipalityView municipality, int budgetYear,
            List<YearAmount> amounts, Integer priceLevelYear) {
    }

    @Schema(description = "Ideas that describe the same thing: the primary idea and the members merged into it")
    public record FamilyView(long id, long primaryIdeaId, int size, List<MunicipalityView> municipalities,
            List<FamilyMember> members) {
    }

    public record LinkView(long id, LinkType type, String label, long ideaId, String title, String comment) {
    }

    @Schema(description = """
            What became of the idea in the municipalities: how many copied it into a catalog (or named it as the
            origin of a proposal), presented and adopted it (counted per municipality; the source municipality's
            shared proposal counts too), which they were, and what the follow-up of the adopted ones shows.""")
    public record EvidenceView(int copiedBy, int presentedBy, @Schema(description = "Municipalities that adopted it") int adoptionCount,
            boolean hasRealisedGains, List<UptakeView> municipalities, RealisationView realisation,
            List<StoppedView> stopped, List<NarrativeView> narratives) {
    }

    @Schema(description = "A municipality's proposal from the idea: its budget year and how far it got")
    public record UptakeView(MunicipalityView municipality, int budgetYear,
            @Schema(example = "ADOPTED", description = "COPIED, SUBMITTED, PRESENTED, ADOPTED, REJECTED or WITHDRAWN") String status,
            boolean presented, @Schema(example = "COPY", description = "COPY, ORIGIN or SHARED") String via) {
    }

    @Schema(description = """
            The follow-up of the adopted proposals: initiatives that reported, expected and realised gains summed (whole
            kroner, positive), the median and spread (min, max) of realised / expected per initiative, and the "most
            proven" score: the 95 % Wilson lower bound of the realised share with each initiative one trial (0–1;
            amounts do not count, so one big success does not outrank many consistent ones).""")
    public record RealisationView(int initiatives, long expected, long realised, BigDecimal medianRatio,
            BigDecimal minRatio, BigDecimal maxRatio, BigDecimal provenScore) {
    }

    @Schema(description = "An initiative from the idea that its municipality stopped (decision TERMINATE)")
    public record StoppedView(MunicipalityView municipality, int year,
            @Schema(example = "Stoppet i Varde 2028") String text, String reason) {
    }

    @Schema(description = "What a municipality shared from its follow-up of the idea (decision SHARE)")
    public record NarrativeView(MunicipalityView municipality, int catalogYear, String narrative, Instant sharedAt) {
    }

    public record IdeaView(long id, IdeaStatus status, IdeaOrigin origin, String title, String summary,
            String description, ProposalType type, String typeLabel, String classificationRationale,
            boolean reducesService, AreaView area, List<String> tags, MunicipalityView sourceMunicipality,
            int budgetYear, String budgetLabel, Integer priceLevelYear, List<YearAmount> amounts, BigDecimal fteChange,
            Long investmentCost, BigDecimal paybackYears, String consequences, String contactRole,
            String sourceReference, String number, Long sourceProposalId, Long sourceInitiativeId,
            String sourceStatus, FamilyView family, List<LinkView> links, EvidenceView evidence,
            @Schema(description = "A correction of the source proposal waiting for KL (not in open data); null when"
                    + " none waits") SourceCorrectionView sourceCorrection,
            Instant createdAt, Instant publishedAt, Instant updatedAt, long version) {
    }

    @Schema(description = """
            A finance officer corrected the shared proposal after it was presented (proposal.corrected) while the idea
            was curated: KL's text stays until KL publishes with acceptSourceCorrection true (taken in) or false
            (dismissed). changes: what taking it in would change (from the idea's text to the proposal's).""")
    public record SourceCorrectionView(@Schema(description = "When the proposal was corrected") Instant correctedAt,
            @Schema(example = "Beløbene i 2028 var byttet om") String reason, List<ChangeView> changes) {
    }

    @Schema(description = "An idea as lists show it")
    public record IdeaSummary(long id, IdeaStatus status, IdeaOrigin origin, String title, ProposalType type,
            String areaCode, MunicipalityView municipality, int budgetYear, String number, Long sourceProposalId,
            String sourceStatus, Long familyId, Instant createdAt, Instant updatedAt, long version) {
    }

    public record ChangeView(String field, String from, String to) {
    }

    @Schema(description = "One step of an idea's history. actor: who took it, shown to the idea's own municipality and"
            + " KL only (null for other municipalities: names of employees are no evidence)")
    public record HistoryView(String action, IdeaStatus status, long version, String actor, Instant at, String reason,
            List<ChangeView> changes) {

        /** The step without who took it. */
        HistoryView anonymous() {
            return new HistoryView(action, status, version, null, at, reason, changes);
        }
    }

    @Schema(description = "An idea that looks like the one asked about, with why")
    public record SimilarView(long ideaId, String title, IdeaStatus status, MunicipalityView municipality, int budgetYear,
            String areaCode, double score, double titleSimilarity, List<String> sharedTerms, boolean sameArea,
            List<String> reasons) {
    }

    @Schema(description = "A pair that may be the same idea twice, for a curator to merge, link or dismiss")
    public record DuplicateView(long id, double score, double titleSimilarity, List<String> sharedTerms,
            boolean sameArea, IdeaSummary idea, IdeaSummary other, Instant foundAt, String status, String resolution,
            String reason) {
    }

    public record PolicyAreaView(String code, String name, int mainAccount, String mainAccountName) {
    }
}
