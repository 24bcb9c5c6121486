package dk.raaderum.target.service;

import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.target.domain.BasisSource;
import dk.raaderum.target.domain.BoundType;
import dk.raaderum.target.domain.FigureUnit;
import dk.raaderum.target.domain.KeyFigureKind;
import dk.raaderum.target.domain.KeyFigureRules;
import dk.raaderum.target.domain.PolicyStatus;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Requests and answers about the economic policy (økonomisk politik). */
public final class PolicyModels {

    /** 422 rule: the first version of a policy states its first budget year, price level and key figures. */
    public static final String RULE_POLICY_INCOMPLETE = "policy-incomplete";
    /** 409 rule name of {@link TargetProblems#POLICY_DRAFT_EXISTS}. */
    public static final String RULE_DRAFT_EXISTS = "policy-draft-exists";
    /** The rule names of the key figures ({@link KeyFigureRules}). */
    public static final List<String> KEY_FIGURE_RULES = List.of(KeyFigureRules.KEY_FIGURES_REQUIRED,
            KeyFigureRules.DUPLICATE_KEY, KeyFigureRules.KIND, KeyFigureRules.UNIT, KeyFigureRules.BOUND_TYPE,
            KeyFigureRules.YEARS, KeyFigureRules.BASELINE, KeyFigureRules.ROOM_BASELINE, KeyFigureRules.BASIS,
            KeyFigureRules.AMOUNT, KeyFigureRules.PERCENT);

    private PolicyModels() {
    }

    @Schema(description = "A new draft version of the economic policy. It starts from the last adopted version: what you"
            + " leave out is taken from it (the first version must state everything).")
    public record DraftInput(
            @Min(BudgetYears.FIRST) @Max(2097) @Schema(example = "2027", description = "The first of the policy's four budget years") Integer firstBudgetYear,
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST)
            @Schema(example = "2027", description = "The price level of every amount") Integer priceLevelYear,
            @Size(max = 50) @Schema(description = "Replaces the key figures of the last adopted version when given")
            List<@Valid @NotNull KeyFigureInput> keyFigures) {
    }

    @Schema(description = "The whole content of a draft version of the economic policy")
    public record PolicyInput(
            @NotNull @Min(BudgetYears.FIRST) @Max(2097) @Schema(example = "2027", description = "The first of the policy's four budget years") Integer firstBudgetYear,
            @NotNull
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST)
            @Schema(example = "2027", description = "The price level of every amount") Integer priceLevelYear,
            @NotNull @Size(max = 50) List<@Valid @NotNull KeyFigureInput> keyFigures,
            @Schema(description = "The version you read (optimistic locking); or send If-Match") Long version) {
    }

    @Schema(description = "A key figure with its bound per year. Halsnæs: the room, budget levers worth at least 1.5 %"
            + " of the operating budget every year (unit PERCENT, bound AT_LEAST, basis = the operating budget); minimum"
            + " cash holdings (KRONER, AT_LEAST); a service buffer; a ceiling for long-term debt (KRONER, AT_MOST).")
    public record KeyFigureInput(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "must be 1–40 lower-case letters, digits or dashes")
            @Schema(example = "room", description = "Stable name, unique in the policy") String key,
            @NotBlank @Size(max = 200) @Schema(example = "Råderum: budgethåndtag på 1,5 % af driftsbudgettet") String name,
            @Schema(example = "ROOM", description = "Required (422 `key-figure-kind` without)") KeyFigureKind kind,
            @Schema(example = "PERCENT", description = "KRONER (whole kroner) or PERCENT; required (422 `key-figure-unit` without)") FigureUnit unit,
            @Schema(example = "AT_LEAST", description = "Required (422 `key-figure-bound-type` without)") BoundType boundType,
            @Size(max = 4) @Schema(description = "The bound for each of the four years (422 `key-figure-years` when one is missing)", example = "[{\"year\": 2027, \"value\": 1.5}, {\"year\": 2028, \"value\": 1.5}, {\"year\": 2029, \"value\": 1.5}, {\"year\": 2030, \"value\": 1.5}]")
            List<@Valid @NotNull YearValueInput> bounds,
            @Size(max = 4) @Schema(description = "The running forecast's figure per year before proposals; required except for ROOM, which has none (422 `room-baseline`)")
            List<@Valid @NotNull YearValueInput> baseline,
            @Size(max = 4) @Schema(description = "PERCENT figures: the amount per year in kroner the percent is of; left out = the total operating budget of the base budget of the first budget year (at the policy's price level)")
            List<@Valid @NotNull YearValueInput> basis) {
    }

    public record YearValueInput(
            @NotNull @Schema(example = "2027") Integer year,
            @NotNull @Digits(integer = 16, fraction = 4) @Schema(example = "1.5", description = "Whole kroner, or percent as the figure's unit says") BigDecimal value) {
    }

    @Schema(description = "The political decision that adopts a version of the economic policy")
    public record PolicyAdoption(
            @NotBlank @Size(max = 300) @Schema(example = "Byrådet 19. juni 2026, pkt. 7") String decisionReference,
            @Schema(description = "The version you read (optimistic locking); or send If-Match") Long version) {
    }

    /**
     * @param boundAmount a PERCENT figure's bound in kroner (bound % × basis, half up); null for KRONER figures
     */
    public record FigureYear(int year, BigDecimal bound, BigDecimal baseline, BigDecimal basis, Long boundAmount) {
    }

    public record KeyFigureView(String key, String name, KeyFigureKind kind, FigureUnit unit, BoundType boundType,
            BasisSource basisSource, List<FigureYear> years) {
    }

    /**
     * @param policyVersion 1, 2, … per municipality
     * @param current true for the newest adopted version
     * @param basedOn the adopted version a draft started from
     * @param version the row's version for If-Match (optimistic locking), not the policy's
     */
    public record PolicyView(String municipality, int policyVersion, PolicyStatus status, boolean current,
            Integer basedOn, int firstBudgetYear, List<Integer> years, int priceLevelYear,
            List<KeyFigureView> keyFigures, String decisionReference, Instant adoptedAt, String adoptedBy,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {
    }

    /** One key figure's change from the version adopted before: ADDED, REMOVED or CHANGED. */
    public record FigureChange(String key, KeyFigureRules.Change change) {
    }

    /** An adopted version with who, when, which decision, and what changed from the version adopted before it. */
    public record HistoryEntry(int policyVersion, int firstBudgetYear, int priceLevelYear, String decisionReference,
            Instant adoptedAt, String adoptedBy, List<FigureChange> changes) {
    }

    public record History(String municipality, Integer currentVersion, List<HistoryEntry> versions) {
    }
}
