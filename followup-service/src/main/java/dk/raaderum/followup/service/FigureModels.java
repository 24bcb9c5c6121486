package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.EvidenceLevel;
import dk.raaderum.followup.domain.InitiativeStatus;
import dk.raaderum.followup.domain.Rag;
import dk.raaderum.followup.service.InitiativeModels.OwnerView;
import dk.raaderum.platform.events.ProposalType;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Dashboards, overdue lists, open data and KL's overview. Amounts are whole kroner; gains are positive. */
public final class FigureModels {

    private FigureModels() {
    }

    @Schema(description = """
            Expected against realised for a group of initiative-years. What the budget counted on, in three labelled
            figures: adoptedGains (the gains: an investment's gross gain of the year, the adopted amount of a saving or
            efficiency), investmentCosts (an investment's cost of the year) and adoptedNet = adoptedGains −
            investmentCosts (what was taken out of the budget; an investment's first years are often a net cost).
            expected: the current expectation, net like adoptedNet; expectedReported/realised: over the reported
            periods only, so realisationRate = realised / expectedReported is not pulled down by reports not yet due.
            gainsAtRisk: per initiative-year the net adopted minus what is realised or still expected, not below 0
            (overdue, closed and terminated periods count as nothing). green/amber/red count
            initiatives with reports; overdue/pending count those without, noReportDue those with nothing to report.
            reportingRate = reportedReports / (reportedReports + overdueReports).""")
    public record FiguresView(String key, String label, int initiatives,
            @Schema(description = "Gains the budget counted on (gross of investment costs)") long adoptedGains,
            @Schema(description = "Investment costs of the year") long investmentCosts,
            @Schema(description = "Net: adoptedGains − investmentCosts, what was taken out of the budget") long adoptedNet,
            @Schema(description = "The current expectation, net of investment costs") long expected,
            long expectedReported, long realised, BigDecimal realisationRate, long gainsAtRisk, int green, int amber,
            int red, int overdue, int pending, int noReportDue, int reportedReports, int overdueReports,
            BigDecimal reportingRate) {
    }

    public record ThresholdsView(BigDecimal greenPercent, BigDecimal amberPercent) {
    }

    @Schema(description = "An initiative that realised less than expected in the year (RED or AMBER), largest shortfall first")
    public record Underperformer(long initiativeId, String title, String areaCode, ProposalType type, int catalogYear,
            InitiativeStatus initiativeStatus, long expectedReported, long realised, BigDecimal ratio, Rag status,
            long shortfall, long gainsAtRisk) {
    }

    /**
     * The price level of every amount of the dashboard (PL-regulering).
     *
     * @param year the level (the {@code priceLevelYear} asked for; the year followed up by default)
     * @param convertedFrom the levels converted from, ascending: the initiatives' price levels (expectations, adopted
     *        amounts, gains at risk) and the year followed up (reports, at the prices of their year)
     * @param notConverted the municipalities left out of an answer across municipalities (KL's overview, open data)
     *        because their amounts cannot be stated at the level (their price index lacks a year, or an amount would
     *        pass the bound); always empty on a municipality's dashboard, which answers 422 instead
     */
    @Schema(description = "The price level of every amount: expectations converted from their catalogs' price levels,"
            + " reports from the prices of their year. notConverted: municipalities whose amounts are left out because"
            + " they cannot be stated at the level (KL's overview and open data)",
            example = "{\"year\": 2027, \"convertedFrom\": [2026], \"notConverted\": []}")
    public record PriceLevelView(int year, List<Integer> convertedFrom, List<NotConverted> notConverted) {

        /** A municipality's level where nothing is left out (its own dashboard). */
        public PriceLevelView(int year, List<Integer> convertedFrom) {
            this(year, convertedFrom, List.of());
        }
    }

    @Schema(description = "A municipality left out of the amounts. reason price-level-missing: its price index lacks"
            + " missingYear (add it with PUT …/price-index, target-service); amount-bound: an amount converted to the"
            + " level would pass the bound of every amount (1,000,000,000,000 kr.)")
    public record NotConverted(String municipality, String name, String reason, Integer missingYear) {
    }

    @Schema(description = "A municipality's follow-up in one year, by area, type and catalog year, at one stated price level")
    public record DashboardView(String municipality, int year, PriceLevelView priceLevel, ThresholdsView thresholds,
            FiguresView totals,
            List<FiguresView> byArea, List<FiguresView> byType, List<FiguresView> byCatalogYear,
            List<Underperformer> underperformers) {
    }

    @Schema(description = "A report slot past its due date without a report")
    public record OverdueView(long slotId, long initiativeId, String title, String areaCode, String areaName,
            int catalogYear, String period, int year, Integer quarter, LocalDate dueDate, long daysOverdue, long expected,
            OwnerView owner, Instant overdueSince) {
    }

    @Schema(description = "Overdue reports of one program owner (username null: initiatives without an owner login)")
    public record OwnerOverdueView(String ownerUsername, String ownerName, int overdueReports, int initiatives,
            LocalDate oldestDueDate, long expectedAwaitingReport) {
    }

    @Schema(description = """
            Open data: realised gains of one municipality, catalog year, area and year (reported periods only), at the
            page's price level; convertedFrom: the levels this row's amounts were converted from (the initiatives'
            price level for expected, the year for realised), empty when none was converted""")
    public record RealisedGainsRow(String municipalityCode, String municipalityName, int catalogYear, String areaCode,
            String areaName, int year, int initiatives, long expected, long realised, BigDecimal realisationRate,
            long realisedDocumented, long realisedProbable, long realisedEstimate, List<Integer> convertedFrom) {
    }

    @Schema(description = "Open data: one year of an initiative (reported periods only), at the page's price level; convertedFrom as in the realised gains")
    public record OpenYear(int year, long expected, long realised, BigDecimal realisationRate,
            EvidenceLevel weakestEvidence, List<Integer> convertedFrom) {
    }

    /** The filters of an open-data answer and the price level it is stated at; null filters match everything. */
    public record OpenDataQuery(String municipality, Integer catalogYear, Integer year, Integer priceLevelYear) {
    }

    @Schema(description = "A page of open data at one stated price level (priceLevel.convertedFrom: the levels the page's amounts were converted from)")
    public record OpenDataPage<T>(List<T> items, int page, int size, long total, PriceLevelView priceLevel) {
    }

    @Schema(description = "Open data: an initiative with at least one report. No owner, no reporter, no free text.")
    public record OpenInitiative(long id, String municipalityCode, String municipalityName, int catalogYear,
            String proposalNumber, String title, ProposalType type, String areaCode, String areaName,
            InitiativeStatus status, List<OpenYear> years) {
    }

    @Schema(description = "KL's overview of one year across municipalities, at one stated price level (each municipality's amounts converted with its own price index)")
    public record KlOverview(int year, PriceLevelView priceLevel, FiguresView national, List<FiguresView> municipalities, List<FiguresView> byType,
            List<FiguresView> byMainAccount) {
    }
}
