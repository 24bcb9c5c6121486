package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.ApplicationStatus;
import dk.raaderum.followup.domain.PoolDecisionKind;
import dk.raaderum.followup.service.InitiativeModels.AreaInput;
import dk.raaderum.followup.service.InitiativeModels.AreaView;
import dk.raaderum.followup.service.InitiativeModels.YearAmountInput;
import dk.raaderum.platform.events.ResponsibleBody;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Requests and answers about investment pools, their applications and decisions. Amounts are whole kroner. */
public final class PoolModels {

    /** The uncertainty vocabulary of proposals (and of initiatives from them). */
    public static final String UNCERTAINTY = "LOW|MEDIUM|HIGH";

    private PoolModels() {
    }

    @Schema(description = "An investment pool: its name, the decision that set it up and its amount per budget year")
    public record PoolInput(
            @NotBlank @Size(max = 200) @Schema(example = "Investeringspuljen 2021–2022") String name,
            @NotBlank @Size(max = 300) @Schema(example = "Budgetaftale 2021–2022, byrådet 8.10.2020, pkt. 3",
                    description = "The decision that set up the pool") String decisionReference,
            @Size(max = 20000) @Schema(example = "Udvalgene søger puljen med en business case; gevinsterne følges op.")
            String description,
            @NotNull @Size(min = 1, max = 30) @Schema(description = "The pool's amount per budget year (0 or more; each year once)",
                    example = "[{\"year\": 2021, \"amount\": 2000000}, {\"year\": 2022, \"amount\": 10000000}, "
                            + "{\"year\": 2023, \"amount\": 10000000}, {\"year\": 2024, \"amount\": 10000000}]")
            List<@Valid @NotNull YearAmountInput> years,
            @Schema(description = "PUT: the version you read (optimistic locking); or send If-Match") Long version) {
    }

    @Schema(description = """
            One year of a pool: amount, granted (drawn by grants), remaining = amount − granted (never below 0); the
            expected gains of the pool's grants in the year and the realised gains reported on their initiatives (the
            pool's return over time; a year outside the pool's own years has amount 0)""")
    public record PoolYearView(int year, long amount, long granted, long remaining, long expectedGains,
            long realisedGains) {
    }

    @Schema(description = "The pool's years together")
    public record PoolTotalsView(long amount, long granted, long remaining, long expectedGains, long realisedGains) {
    }

    @Schema(description = "How many applications are in each status")
    public record ApplicationCounts(long submitted, long changesRequested, long granted, long rejected) {
    }

    @Schema(description = "An investment pool with its figures per year")
    public record PoolView(long id, String municipality, String name, String decisionReference, String description,
            List<PoolYearView> years, PoolTotalsView totals, ApplicationCounts applications, Instant createdAt,
            String createdBy, Instant updatedAt, String updatedBy, long version) {
    }

    @Schema(description = """
            An application to a pool with a business case: the applying committee, investment cost and expected gain
            per year (whole kroner, 0 or more), the payback it states and the owner. The payback must follow from the
            amounts: counting the first year with an investment cost as year 1, it is the first year at whose end the
            cumulative gains reach the cumulative costs (rule payback-inconsistent names the computed one).""")
    public record ApplicationInput(
            @NotBlank @Size(max = 200) @Schema(example = "Social- og Sundhedsudvalget", description = "The applying committee")
            String committee,
            @NotBlank @Size(max = 300) @Schema(example = "Velfærdsteknologi i hjemmeplejen") String title,
            @Size(max = 20000) @Schema(example = "Spiserobotter og loftlifte frigør tid i hjemmeplejen.") String description,
            @NotNull @Valid AreaInput area,
            @Size(max = 30) @Schema(description = "Investment cost per year (0 or more; at least one year above 0; years of the pool)",
                    example = "[{\"year\": 2022, \"amount\": 1500000}]")
            List<@Valid @NotNull YearAmountInput> investmentCost,
            @Size(max = 30) @Schema(description = "Expected gain per year (0 or more), from the first cost year and the 9 years after it",
                    example = "[{\"year\": 2022, \"amount\": 300000}, {\"year\": 2023, \"amount\": 700000}, {\"year\": 2024, \"amount\": 700000}, {\"year\": 2025, \"amount\": 700000}]")
            List<@Valid @NotNull YearAmountInput> expectedGains,
            @NotNull @Min(1) @Max(50) @Schema(example = "3", description = "The stated payback in years (year 1 = the first cost year)")
            Integer paybackYears,
            @NotNull @Pattern(regexp = UNCERTAINTY, message = "must be LOW, MEDIUM or HIGH") @Schema(example = "MEDIUM",
                    description = "LOW, MEDIUM or HIGH, as a proposal's") String uncertainty,
            @NotBlank @Size(max = 200) @Schema(example = "Hjemmeplejechef Lone Berg", description = """
                    The program owner: a person's name or role, or a login (letters, digits, . _ @ -, e.g. naestved-owner), which
                    then reports on the initiative a grant creates""") String owner,
            @Schema(description = "PUT: the version you read (optimistic locking); or send If-Match") Long version) {
    }

    @Schema(description = "One year of a business case, with the running totals the payback is read from")
    public record ApplicationYearView(int year, long investmentCost, long expectedGain, long cumulativeCost,
            long cumulativeGain) {
    }

    @Schema(description = "A decision on an application: who registered it, when, the body and the meeting")
    public record ApplicationDecisionView(long id, PoolDecisionKind decision, String reason, ResponsibleBody decidingBody,
            String decidingBodyName, String decisionReference, Long initiativeId, Instant decidedAt, String decidedBy) {
    }

    @Schema(description = "An application with its business case, status, decisions and, once granted, its initiative")
    public record ApplicationView(long id, long poolId, String committee, String title, String description, AreaView area,
            List<ApplicationYearView> years, long investmentCost, long expectedGains, int paybackYears,
            String uncertainty, String owner, ApplicationStatus status, Long initiativeId,
            List<ApplicationDecisionView> decisions, Instant submittedAt, String submittedBy, long version) {
    }

    @Schema(description = "A decision on an application to an investment pool")
    public record ApplicationDecisionInput(
            @NotNull @Schema(example = "GRANT", description = "GRANT, REJECT or ASK_FOR_CHANGES") PoolDecisionKind decision,
            @Size(max = 5000) @Schema(example = "Business casen holder; gevinsterne følges op årligt.",
                    description = "Required for REJECT and ASK_FOR_CHANGES") String reason,
            @Schema(example = "FINANCE_COMMITTEE", description = """
                    The body that took the decision: COUNCIL, FINANCE_COMMITTEE, STANDING_COMMITTEE (named in
                    decidingBodyName) or EXECUTIVE_BOARD. Required for GRANT and REJECT; optional for ASK_FOR_CHANGES.""")
            ResponsibleBody decidingBody,
            @Size(max = 200) @Schema(example = "Økonomiudvalget") String decidingBodyName,
            @Size(max = 300) @Schema(example = "ØU 2022-03-14 pkt. 7", description = "The meeting and item; required with decidingBody")
            String decisionReference,
            @Schema(description = "The application version you read; or send If-Match") Long version) {
    }
}
