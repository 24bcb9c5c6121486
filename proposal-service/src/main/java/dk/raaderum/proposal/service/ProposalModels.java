package dk.raaderum.proposal.service;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.web.validation.Kroner;
import dk.raaderum.proposal.domain.OriginKind;
import dk.raaderum.proposal.domain.ProposalStatus;
import dk.raaderum.proposal.domain.Uncertainty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Requests and answers about proposals. Amounts are whole kroner at the catalog's price level. */
public final class ProposalModels {

    private ProposalModels() {
    }

    @Schema(description = "An amount in whole kroner for one year")
    public record YearAmountInput(@NotNull @Schema(example = "2027") Integer year,
            @NotNull @Kroner @Schema(example = "-1500000") Long amount) {
    }

    @Schema(description = "A change in staff (full-time equivalents) for one year")
    public record FteInput(@NotNull @Schema(example = "2027") Integer year,
            @NotNull @Digits(integer = 6, fraction = 2) @Schema(example = "-2.5") BigDecimal fte) {
    }

    @Schema(description = "Where the proposal came from")
    public record OriginInput(
            @NotNull @Schema(example = "POLITICAL_PARTY") OriginKind kind,
            @Size(max = 100) @Schema(example = "Venstre", description = "Required for POLITICAL_PARTY") String party,
            @Schema(description = "Required for IDEA_BANK") Long ideaId,
            @Schema(example = "329", description = "Required for OTHER_MUNICIPALITY") String municipalityCode) {
    }

    @Schema(description = "A proposal as written by its author")
    public record ProposalInput(
            @NotBlank @Size(max = 300) @Schema(example = "Videobesøg i hjemmeplejen") String title,
            @NotBlank @Size(max = 20000) @Schema(example = "Udvalgte besøg i hjemmeplejen erstattes af videobesøg.") String description,
            @NotNull @Schema(example = "EFFICIENCY") ProposalType type,
            @NotBlank @Size(max = 5000) @Schema(example = "Samme hjælp med færre kørselstimer: effektivisering, ikke serviceforringelse.") String classificationRationale,
            @NotBlank @Schema(example = "ÆLD") String areaCode,
            @NotNull @Valid OriginInput origin,
            @Schema(description = "Change in operating expenses per catalog year (negative creates room). Not for INVESTMENT.")
            List<@Valid @NotNull YearAmountInput> operatingChange,
            @Schema(description = "INVESTMENT only: investment cost per catalog year (≥ 0)")
            List<@Valid @NotNull YearAmountInput> investmentCost,
            @Schema(description = "INVESTMENT only: gains per catalog year (≥ 0)")
            List<@Valid @NotNull YearAmountInput> gains,
            List<@Valid @NotNull FteInput> staffChange,
            @Size(max = 20000) @Schema(description = "Required for SAVING: what citizens will notice") String serviceConsequences,
            @NotNull @Schema(example = "MEDIUM") Uncertainty uncertainty,
            @Schema(example = "2027-01-01") LocalDate implementationStart,
            @Size(max = 200) @Schema(example = "Ældrechef Jens Hansen") String programOwner,
            @Schema(description = "The same proposal in an earlier catalog") Long predecessorId,
            @Schema(description = "Offer it to other municipalities through the idea bank; left out: as it is (not"
                    + " shared for a new proposal), so an edit that does not know it leaves it alone") Boolean shareWithIdeaBank,
            @Schema(description = "Updates: the version you read (or send If-Match)") Long version,
            @Size(max = 2000) @Schema(description = "Required to correct a PRESENTED proposal (finance officers): why,"
                    + " shown to everyone who reads it. Ignored when writing a proposal; kept as the note of an edit"
                    + " before presentation.", example = "Beløbet i 2028 var tastet med et nul for meget")
            String correctionReason) {

        /** A proposal as written, without a correction reason (creations, imports and edits before presentation). */
        public ProposalInput(String title, String description, ProposalType type, String classificationRationale,
                String areaCode, OriginInput origin, List<YearAmountInput> operatingChange,
                List<YearAmountInput> investmentCost, List<YearAmountInput> gains, List<FteInput> staffChange,
                String serviceConsequences, Uncertainty uncertainty, LocalDate implementationStart, String programOwner,
                Long predecessorId, Boolean shareWithIdeaBank, Long version) {
            this(title, description, type, classificationRationale, areaCode, origin, operatingChange, investmentCost,
                    gains, staffChange, serviceConsequences, uncertainty, implementationStart, programOwner,
                    predecessorId, shareWithIdeaBank, version, null);
        }
    }

    public record AreaRefView(String code, String name, int mainAccount, String committee) {
    }

    public record OriginView(OriginKind kind, String party, Long ideaId, String municipalityCode) {
    }

    public record YearView(int year, long netChange, Long investmentCost, Long gain, BigDecimal fteChange) {
    }

    @Schema(description = "Derived figures: net change over the horizon (negative creates room), full-year effect, payback")
    public record FiguresView(long netTotal, long fullYearEffect, Integer paybackYear, boolean paybackBeyondHorizon) {
    }

    public record PredecessorView(long id, String number, int budgetYear, String title) {
    }

    public record ProposalView(long id, long catalogId, int budgetYear, String number, String title, String description,
            ProposalType type, String typeLabel, String classificationRationale, AreaRefView area, OriginView origin,
            List<YearView> years, FiguresView figures, String serviceConsequences, Uncertainty uncertainty,
            LocalDate implementationStart, String programOwner, PredecessorView predecessor, boolean shareWithIdeaBank,
            ProposalStatus status, Instant presentedAt, String karensOverrideReason,
            @Schema(description = "Corrections made after it was presented, oldest first") List<CorrectionView> corrections,
            Instant createdAt, String createdBy, Instant updatedAt, long version) {
    }

    @Schema(description = "A correction of a presented proposal: when, by whom, why and which fields")
    public record CorrectionView(Instant at, @Schema(example = "Finans 573") String by,
            @Schema(example = "Beløbet i 2028 var tastet med et nul for meget") String reason,
            @Schema(example = "[\"years.2028.netChange\"]") List<String> fields) {
    }

    @Schema(description = "One field of a content change, before and after as text (amounts exact, whole kroner);"
            + " null when absent")
    public record FieldChangeView(@Schema(example = "years.2028.netChange") String field,
            @Schema(example = "-2000000") String from, @Schema(example = "-200000") String to) {
    }

    public enum HistoryKind {
        CREATED, EDIT, CORRECTION, TRANSITION
    }

    @Schema(description = """
            One entry of a proposal's timeline. CREATED, EDIT (before presentation) and CORRECTION (after, with the
            reason as comment) list the fields that changed; TRANSITION is a workflow step (from, to) or a change of
            sharing (from = to), without fields.""")
    public record HistoryEntryView(@Schema(example = "CORRECTION") HistoryKind kind, Instant at,
            @Schema(example = "Finans 573") String actor, @Schema(description = "The token subject") String actorId,
            @Schema(description = "The role it was done in (content changes)", example = "finance-officer") String role,
            @Schema(description = "The status it was in (content changes) or moved to", example = "PRESENTED")
            ProposalStatus status, ProposalStatus from, ProposalStatus to,
            @Schema(example = "Beløbet i 2028 var tastet med et nul for meget") String comment,
            boolean karensperiodeOverride, List<FieldChangeView> changes) {
    }

    @Schema(description = "A proposal that changed since a point in time, with what changed")
    public record ChangedProposalView(long id, String number, String title, ProposalStatus status,
            @Schema(description = "Its latest change") Instant changedAt,
            @Schema(description = "The kinds of change, e.g. [\"CORRECTION\", \"TRANSITION\"]") List<HistoryKind> kinds,
            @Schema(description = "The fields that changed; \"status\" for a workflow step",
                    example = "[\"status\", \"years.2028.netChange\"]") List<String> fields) {
    }

    @Schema(description = "What changed in a catalog between since (exclusive) and until, among what you may see")
    public record CatalogChangesView(long catalogId,
            @Schema(description = "Null: since the beginning (nothing marked as seen)") Instant since,
            @Schema(description = "The time of this read: mark the catalog as seen at it to miss nothing") Instant until,
            @Schema(description = "When you last marked the catalog as seen, if ever") Instant lastSeenAt,
            List<ChangedProposalView> proposals) {
    }

    @Schema(description = "Mark a catalog as seen, now or at a given time (e.g. the until of the changes you read)")
    public record SeenInput(@Schema(example = "2026-09-01T08:00:00Z", description = "Default now; not in the future")
            Instant seenAt) {
    }

    public record SeenView(long catalogId, Instant seenAt) {
    }

    @Schema(description = "A proposal as lists show it")
    public record ProposalSummary(long id, String number, String title, ProposalType type, String areaCode,
            ProposalStatus status, OriginKind origin, String party, Uncertainty uncertainty, List<YearAmountView> netChange,
            long netTotal, long version) {
    }

    public record YearAmountView(int year, long amount) {
    }

    public enum Action {
        SUBMIT(ProposalStatus.SUBMITTED), QUALIFY(ProposalStatus.QUALIFIED), PRESENT(ProposalStatus.PRESENTED),
        ADOPT(ProposalStatus.ADOPTED), REJECT(ProposalStatus.REJECTED), WITHDRAW(ProposalStatus.WITHDRAWN),
        RETURN_TO_DRAFT(ProposalStatus.DRAFT);

        private final ProposalStatus target;

        Action(ProposalStatus target) {
            this.target = target;
        }

        public ProposalStatus target() {
            return target;
        }
    }

    @Schema(description = "A workflow step")
    public record TransitionInput(
            @NotNull @Schema(example = "PRESENT") Action action,
            @Size(max = 2000) @Schema(example = "Kvalificeret af økonomiafdelingen") String comment,
            @Size(max = 2000) @Schema(description = "Present despite the karensperiode, with this reason (finance officers)")
            String karensperiodeOverrideReason,
            @Schema(description = "The version you read (optimistic locking); or send If-Match") Long version) {
    }

    @Schema(description = "Whether the proposal is offered to other municipalities through the idea bank")
    public record SharingInput(
            @NotNull @Schema(example = "true") Boolean shareWithIdeaBank,
            @Schema(description = "The version you read (optimistic locking); or send If-Match") Long version) {
    }

    public record TransitionView(ProposalStatus from, ProposalStatus to, String actor, Instant at, String comment,
            boolean karensperiodeOverride) {
    }

    @Schema(description = "A proposal that resembles another")
    public record SimilarView(long id, String number, String title, int budgetYear, ProposalStatus status,
            String areaCode, double similarity, boolean presentedNotAdopted, boolean nearDuplicate) {
    }

    /** What an import did with a row; with {@code dryRun}, what it would do. */
    public enum ImportAction {
        CREATED, UPDATED, UNCHANGED
    }

    @Schema(description = "One proposal row of an imported sheet: its row number as the spreadsheet shows it, the"
            + " proposal's number and id (not yet known for a row a dry run would create) and what was done")
    public record ImportRowView(@Schema(example = "3") int row, @Schema(example = "ÆLD-03") String number,
            @Schema(example = "4711") Long id, @Schema(example = "UPDATED") ImportAction action) {
    }

    @Schema(description = "What an import of a catalog sheet did (or, with dryRun, would do; then nothing is written)")
    public record ImportView(@Schema(example = "12") int rows, @Schema(example = "1") int created,
            @Schema(example = "2") int updated, @Schema(example = "9") int unchanged, boolean dryRun,
            List<ImportRowView> results) {
    }
}
