package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.AuditAction;
import dk.raaderum.followup.domain.DecisionKind;
import dk.raaderum.followup.domain.EvidenceLevel;
import dk.raaderum.followup.domain.InitiativeSource;
import dk.raaderum.followup.domain.InitiativeStatus;
import dk.raaderum.followup.domain.Rag;
import dk.raaderum.followup.domain.SlotStatus;
import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.web.validation.Kroner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Requests and answers about initiatives. Amounts are whole kroner at the price level; gains are positive. */
public final class InitiativeModels {

    /** A login name as Keycloak's preferred_username has it. */
    public static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._@-]*";

    private InitiativeModels() {
    }

    @Schema(description = "An amount in whole kroner for one year")
    public record YearAmountInput(
            @NotNull @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) @Schema(example = "2027") Integer year,
            @NotNull @Kroner @Schema(example = "1500000") Long amount) {
    }

    @Schema(description = "The policy area (fagområde) the initiative belongs to")
    public record AreaInput(
            @NotBlank @Pattern(regexp = PolicyAreaRef.CODE_PATTERN, message = PolicyAreaRef.CODE_MESSAGE)
            @Schema(example = "ÆLD") String code,
            @NotBlank @Size(max = 200) @Schema(example = "Ældreområdet") String name,
            @NotNull @Min(0) @Max(6) @Schema(example = "5", description = "Main account (hovedkonto) 0–6") Integer mainAccount,
            @Size(max = 200) @Schema(example = "Social- og Sundhedsudvalget") String committee) {
    }

    @Schema(description = "An initiative decided outside a catalog, registered for follow-up")
    public record InitiativeInput(
            @NotBlank @Size(max = 300) @Schema(example = "Fælles indkøb af hjælpemidler") String title,
            @Size(max = 20000) @Schema(example = "Hjælpemidler købes på fælles udbud med nabokommunerne.") String description,
            @NotNull @Schema(example = "EFFICIENCY", description = "SAVING, EFFICIENCY or INVESTMENT (EXPANSION has no gains)")
            ProposalType type,
            @NotNull
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST)
            @Schema(example = "2027", description = "The budget year it belongs to") Integer catalogYear,
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST)
            @Schema(example = "2027", description = "Price level of the amounts; default the catalog year")
            Integer priceLevelYear,
            @NotNull @Valid AreaInput area,
            @Schema(description = "SAVING/EFFICIENCY: expected gain (room created, positive) per year")
            List<@Valid @NotNull YearAmountInput> expectedGains,
            @Schema(description = "INVESTMENT only: investment cost per year (≥ 0)")
            List<@Valid @NotNull YearAmountInput> investmentCost,
            @Schema(description = "INVESTMENT only: gross gains per year (≥ 0); expected = gains − investment cost")
            List<@Valid @NotNull YearAmountInput> gains,
            @Size(max = 200) @Pattern(regexp = USERNAME, message = "must be a login name (letters, digits, . _ @ -)")
            @Schema(example = "varde-owner", description = "Login of the program owner who reports") String ownerUsername,
            @Size(max = 200) @Schema(example = "Hjælpemiddelchef Anne Madsen") String ownerName,
            @Size(max = 500) @Schema(example = "Økonomiudvalget 12.03.2027, pkt. 4") String decisionReference) {
    }

    @Schema(description = """
            A new program owner: a user of the realm (username: the login, preferred_username in the token, who may
            then report; name optional, kept when left out) or a named person without a login (name only; then only
            finance officers report, and the initiative stays on the "needs an owner" list). At least one of the two.""")
    public record OwnerInput(
            @Size(max = 200) @Pattern(regexp = USERNAME, message = "must be a login name (letters, digits, . _ @ -)")
            @Schema(example = "varde-owner") String username,
            @Size(max = 200) @Schema(example = "Ældrechef Jens Hansen") String name,
            @Schema(description = "The version you read (optimistic locking); or send If-Match") Long version) {
    }

    @Schema(description = "One initiative's new owner in a bulk assignment, with the initiative version you read")
    public record OwnerAssignment(
            @NotNull @Schema(example = "4711") Long initiativeId,
            @Schema(example = "3", description = "The initiative version you read; required (428 without)") Long version,
            @NotNull @Valid NewOwner owner) {
    }

    @Schema(description = "The owner of one initiative in a bulk assignment: username and/or name, as for one initiative")
    public record NewOwner(
            @Size(max = 200) @Pattern(regexp = USERNAME, message = "must be a login name (letters, digits, . _ @ -)")
            @Schema(example = "ringsted-aeldrechef") String username,
            @Size(max = 200) @Schema(example = "Ældrechef Jens Hansen") String name) {
    }

    @Schema(description = "Owners of many initiatives at once: all are assigned, or none")
    public record OwnerAssignments(
            @NotNull @Size(min = 1, max = 500) List<@Valid @NotNull OwnerAssignment> assignments) {
    }

    @Schema(description = "An initiative's owner after an assignment, and its new version (the next If-Match)")
    public record OwnerAssigned(long initiativeId, OwnerView owner, long version) {
    }

    public record AreaView(String code, String name, int mainAccount, String committee) {
    }

    @Schema(description = "The program owner: the login that may report (null: a named person without a login, or none), and the name people know")
    public record OwnerView(String username, String name) {
    }

    @Schema(description = """
            The price level a realisation ratio compares at: the initiative's own (year; its catalog's), where its
            expectations are. A report is at the prices of the year it reports on, so its realised amount is
            converted (realisedAtPriceLevel); convertedFrom: the years converted from (empty: none needed). When the
            price index lacks a year, nothing is converted: convertedFrom is null and warning (code
            `price-level-missing`) names the year.""",
            example = "{\"year\": 2026, \"convertedFrom\": [2027], \"warning\": null}")
    public record RatioLevelView(int year, List<Integer> convertedFrom, String warning) {
    }

    @Schema(description = """
            One year: adopted (taken out of the budget), expected now, realised (latest reports, as reported: at the
            year's prices) and realisedAtPriceLevel (the same at the initiative's price level); ratio =
            realisedAtPriceLevel / expectedReported; gainsAtRisk on the converted realised amount""")
    public record YearView(int year, long adopted, long expected, Long investmentCost, Long gain, long expectedReported,
            Long realised, Long realisedAtPriceLevel, BigDecimal ratio, Rag status, long gainsAtRisk,
            RatioLevelView priceLevel) {
    }

    @Schema(description = "A report slot: one period that needs a report; realised as reported (at the year's prices), realisedAtPriceLevel at the initiative's price level, ratio = realisedAtPriceLevel / expected")
    public record SlotView(long id, String period, int year, Integer quarter, LocalDate dueDate, SlotStatus status,
            long expected, Long realised, Long realisedAtPriceLevel, BigDecimal ratio, Rag rag,
            RatioLevelView priceLevel, EvidenceLevel evidenceLevel, int reportVersion, Instant reportedAt,
            Instant overdueSince) {
    }

    @Schema(description = "All years together, at the initiative's price level; ratio and status over the reported periods (realisedAtPriceLevel / expectedReported); realised: the sum as reported, at the prices of the years reported")
    public record TotalsView(long adopted, long expected, long expectedReported, long realised,
            long realisedAtPriceLevel, BigDecimal ratio, Rag status, long gainsAtRisk, RatioLevelView priceLevel) {
    }

    public record InitiativeView(long id, String municipality, InitiativeSource source, Long proposalId,
            String proposalNumber, Long catalogId, int catalogYear, int priceLevelYear, AreaView area,
            ProposalType type, String typeLabel, String title, String description, String uncertainty, OwnerView owner,
            InitiativeStatus status, Instant adoptedAt, String decisionReference, DecisionKind lastDecision,
            Instant lastDecisionAt, Instant terminatedAt, List<YearView> years, List<SlotView> slots, TotalsView totals,
            Instant createdAt, String createdBy, long version) {
    }

    @Schema(description = "An initiative as the register lists it: its totals over all years, at its price level as in TotalsView")
    public record InitiativeSummary(long id, String proposalNumber, String title, ProposalType type, String areaCode,
            String areaName, int catalogYear, InitiativeStatus status, OwnerView owner, long adopted, long expected,
            long expectedReported, long realised, long realisedAtPriceLevel, BigDecimal ratio, Rag rag,
            RatioLevelView priceLevel, int overdueReports, LocalDate nextDueDate, long version) {
    }

    @Schema(description = "One line of the audit trail")
    public record AuditView(Instant at, AuditAction action, String actor, String detail) {
    }
}
