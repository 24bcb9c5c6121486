package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.DecisionKind;
import dk.raaderum.followup.domain.EvidenceLevel;
import dk.raaderum.followup.service.InitiativeModels.YearAmountInput;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Decisions on initiatives: continue, adjust, terminate, scale up, share. */
public final class DecisionModels {

    private DecisionModels() {
    }

    @Schema(description = "A decision on an initiative")
    public record DecisionInput(
            @NotNull @Schema(example = "ADJUST") DecisionKind decision,
            @Size(max = 5000) @Schema(example = "Udrulningen er forsinket et år; gevinsten forskydes.",
                    description = "Required for ADJUST and TERMINATE") String reason,
            @Size(max = 10000) @Schema(description = "What others should know (SHARE: default the latest report's narrative)")
            String narrative,
            @Schema(description = "ADJUST: the new expected gain of each year you change (0 or less ends the year's follow-up)")
            List<@Valid @NotNull YearAmountInput> expected,
            @Size(max = 50) @Schema(description = "SCALE_UP: the areas to spread it to", example = "[\"Sygeplejen\", \"Handicapområdet\"]")
            List<@NotBlank @Size(max = 200) String> scaleUpAreas,
            @Schema(description = "The initiative version you read (optimistic locking); or send If-Match") Long version) {
    }

    public record DecisionYearView(int year, long adopted, long expectedBefore, long expectedAfter, Long realised,
            Long remainder) {
    }

    @Schema(description = "A recorded decision, with the figures it was taken on")
    public record DecisionView(long id, long initiativeId, DecisionKind decision, String reason, String narrative,
            List<String> scaleUpAreas, List<DecisionYearView> years, Long budgetRisk, EvidenceLevel evidenceLevel,
            Instant decidedAt, String decidedBy) {
    }
}
