package dk.raaderum.followup.service;


import dk.raaderum.followup.domain.EvidenceLevel;
import dk.raaderum.followup.domain.Rag;
import dk.raaderum.followup.service.InitiativeModels.RatioLevelView;
import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.web.validation.Kroner;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

/** Benefit reports: what was realised in a period, how well it is shown, and what was learnt. */
public final class ReportModels {

    private ReportModels() {
    }

    @Schema(description = "A benefit report (or a correction: a new version) for one report slot")
    public record ReportInput(
            @NotNull
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST)
            @Schema(example = "2027", description = "The year reported on") Integer year,
            @Min(1) @Max(4) @Schema(example = "2", description = "With the quarterly cadence: the quarter") Integer quarter,
            @NotNull @Kroner
            @Schema(example = "1350000", description = "Realised gain in whole kroner (negative: it cost more)") Long realised,
            @NotNull @Schema(example = "PROBABLE", description = "DOCUMENTED, PROBABLE (sandsynliggjort) or ESTIMATE")
            EvidenceLevel evidenceLevel,
            @NotBlank @Size(max = 10000)
            @Schema(example = "Kørselstiden er faldet med 18 %, målt i planlægningssystemet over 10 måneder.") String narrative,
            @Size(max = 10000) @Schema(example = "Borgere uden tablet kan ikke få videobesøg.") String barriers,
            @Size(max = 10000) @Schema(example = "Samme løsning kan bruges i sygeplejen.") String opportunities,
            @Size(max = 2000) @Schema(example = "Regnskabet blev rettet efter revisionen.",
                    description = "Required for a correction (the slot already has a report)") String correctionReason,
            @Min(0) @Schema(example = "1", description = "A correction: the report version you correct (optimistic locking)")
            Integer reportVersion) {
    }

    @Schema(description = """
            One version of a report, as reported. realised at the prices of the year reported on; expected at the
            initiative's price level; realisedAtPriceLevel: realised converted to that level with the price index of
            that moment, so ratio = realisedAtPriceLevel / expected compares like with like, and status by the
            thresholds then (priceLevel says the level and the year converted from). A report written before
            PL-regulering at another level: realisedAtPriceLevel null, the ratio unconverted, and priceLevel says so
            (warning price-level-not-recorded)""")
    public record ReportView(long id, long initiativeId, String period, int year, Integer quarter, int reportVersion,
            boolean latest, long expected, long realised, Long realisedAtPriceLevel, BigDecimal ratio, Rag status,
            RatioLevelView priceLevel, EvidenceLevel evidenceLevel,
            String narrative, String barriers, String opportunities, String correctionReason, Instant reportedAt,
            String reportedBy) {
    }
}
