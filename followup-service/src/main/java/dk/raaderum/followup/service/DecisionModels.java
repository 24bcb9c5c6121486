package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.DecisionKind;
import dk.raaderum.followup.domain.EvidenceLevel;
import dk.raaderum.followup.service.InitiativeModels.YearAmountInput;
import dk.raaderum.platform.events.ResponsibleBody;

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
            @Schema(example = "FINANCE_COMMITTEE", description = """
                    The body that took the decision: COUNCIL (byrådet), FINANCE_COMMITTEE (økonomiudvalget),
                    STANDING_COMMITTEE (a fagudvalg, named in decidingBodyName) or EXECUTIVE_BOARD (direktionen).
                    Required for ADJUST, TERMINATE and SCALE_UP; optional for CONTINUE and SHARE.""")
            ResponsibleBody decidingBody,
            @Size(max = 200) @Schema(example = "Social- og Sundhedsudvalget",
                    description = "Which body by name; required for a STANDING_COMMITTEE") String decidingBodyName,
            @Size(max = 300) @Schema(example = "ØU 2027-03-14 pkt. 7",
                    description = "The meeting and item where it was decided; required with decidingBody") String decisionReference,
            @Schema(description = "The initiative version you read (optimistic locking); or send If-Match") Long version) {
    }

    public record DecisionYearView(int year, long adopted, long expectedBefore, long expectedAfter, Long realised,
            Long remainder) {
    }

    @Schema(description = """
            A recorded decision, with the figures it was taken on, the body that took it and the meeting (null for
            decisions without one), and who registered it (decidedBy)""")
    public record DecisionView(long id, long initiativeId, DecisionKind decision, String reason, String narrative,
            List<String> scaleUpAreas, List<DecisionYearView> years, Long budgetRisk, EvidenceLevel evidenceLevel,
            ResponsibleBody decidingBody, String decidingBodyName, String decisionReference, Instant decidedAt,
            String decidedBy) {
    }
}
