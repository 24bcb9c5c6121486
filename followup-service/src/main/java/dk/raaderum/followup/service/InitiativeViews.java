package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.AuditEntry;
import dk.raaderum.followup.domain.BenefitReport;
import dk.raaderum.followup.domain.Decision;
import dk.raaderum.followup.domain.Initiative;
import dk.raaderum.followup.domain.InitiativeYear;
import dk.raaderum.followup.domain.ReportSlot;
import dk.raaderum.followup.domain.SlotStatus;
import dk.raaderum.followup.domain.Thresholds;
import dk.raaderum.followup.domain.YearRealisation;
import dk.raaderum.followup.repository.InitiativeRepository.Totals;
import dk.raaderum.followup.service.DecisionModels.DecisionView;
import dk.raaderum.followup.service.DecisionModels.DecisionYearView;
import dk.raaderum.followup.service.InitiativeModels.AreaView;
import dk.raaderum.followup.service.InitiativeModels.AuditView;
import dk.raaderum.followup.service.InitiativeModels.InitiativeSummary;
import dk.raaderum.followup.service.InitiativeModels.InitiativeView;
import dk.raaderum.followup.service.InitiativeModels.OwnerView;
import dk.raaderum.followup.service.InitiativeModels.SlotView;
import dk.raaderum.followup.service.InitiativeModels.TotalsView;
import dk.raaderum.followup.service.InitiativeModels.YearView;
import dk.raaderum.followup.service.ReportModels.ReportView;
import dk.raaderum.platform.events.PriceIndex;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Entities to answers; the only place that knows both. */
final class InitiativeViews {

    private InitiativeViews() {
    }

    /**
     * Every ratio and status of the initiative at its price level ({@link RealisedAtLevel}): reports converted from
     * their years' prices with {@code index}; gains at risk on the converted realised amounts.
     */
    static InitiativeView initiative(Initiative i, Thresholds thresholds, PriceIndex index) {
        List<YearView> years = new ArrayList<>();
        RealisedAtLevel totalLevel = new RealisedAtLevel(index, i.priceLevelYear);
        long adopted = 0;
        long expected = 0;
        long expectedReported = 0;
        long realised = 0;
        long realisedAtLevel = 0;
        long atRisk = 0;
        for (InitiativeYear year : i.years) {
            RealisedAtLevel yearLevel = new RealisedAtLevel(index, i.priceLevelYear);
            YearView view = year(year, i.slotsOf(year.year), thresholds, yearLevel);
            totalLevel.include(yearLevel);
            years.add(view);
            adopted += year.adopted;
            expected += year.expected;
            expectedReported += view.expectedReported();
            if (view.realised() != null) {
                realised = Math.addExact(realised, view.realised());
                realisedAtLevel = Math.addExact(realisedAtLevel, view.realisedAtPriceLevel());
            }
            atRisk += view.gainsAtRisk();
        }
        BigDecimal ratio = expectedReported > 0 ? Thresholds.ratio(realisedAtLevel, expectedReported) : null;
        List<SlotView> slots = i.slots.stream()
                .sorted(Comparator.comparingInt((ReportSlot s) -> s.year)
                        .thenComparing(s -> s.quarter == null ? 0 : s.quarter))
                .map(s -> slot(s, thresholds, new RealisedAtLevel(index, i.priceLevelYear)))
                .toList();
        return new InitiativeView(i.id, i.municipality, i.source, i.proposalId, i.proposalNumber, i.catalogId,
                i.catalogYear, i.priceLevelYear, area(i), i.type, i.type.danish(), i.title, i.description, i.uncertainty,
                owner(i), i.status, i.adoptedAt, i.decisionReference, i.lastDecision, i.lastDecisionAt, i.terminatedAt,
                years, slots, new TotalsView(adopted, expected, expectedReported, realised, realisedAtLevel, ratio,
                        thresholds.rag(ratio), atRisk, totalLevel.view()),
                i.createdAt, i.createdBy, i.version);
    }

    /** A year at the initiative's level: its reports' realised sum converted, gains at risk on it (YearRealisation). */
    private static YearView year(InitiativeYear year, List<ReportSlot> slots, Thresholds thresholds,
            RealisedAtLevel level) {
        YearRealisation r = year.figures();
        Long realisedAtLevel = r.hasReports() ? level.convert(r.realised(), year.year) : null;
        BigDecimal ratio = r.hasReports() ? Thresholds.ratio(realisedAtLevel, r.expectedReported()) : null;
        long pending = slots.stream().filter(s -> s.status == SlotStatus.PENDING).mapToLong(s -> s.expected).sum();
        long gainsAtRisk = YearRealisation.gainsAtRisk(year.adopted,
                Math.addExact(realisedAtLevel == null ? 0 : realisedAtLevel, pending));
        return new YearView(year.year, year.adopted, year.expected, year.investmentCost, year.gain,
                r.expectedReported(), r.hasReports() ? r.realised() : null, realisedAtLevel, ratio,
                thresholds.rag(ratio), gainsAtRisk, level.view());
    }

    /** Totals of a listed initiative at its level: each year's realised converted. */
    static InitiativeSummary summary(Initiative i, Totals t, Thresholds thresholds, PriceIndex index) {
        Totals totals = t == null ? new Totals(0, 0, 0, 0, 0, null, Map.of()) : t;
        RealisedAtLevel level = new RealisedAtLevel(index, i.priceLevelYear);
        long realisedAtLevel = 0;
        for (Map.Entry<Integer, Long> year : totals.realisedByYear().entrySet()) {
            realisedAtLevel = Math.addExact(realisedAtLevel, level.convert(year.getValue(), year.getKey()));
        }
        BigDecimal ratio = totals.expectedReported() > 0 ? Thresholds.ratio(realisedAtLevel, totals.expectedReported())
                : null;
        return new InitiativeSummary(i.id, i.proposalNumber, i.title, i.type, i.areaCode, i.areaName, i.catalogYear,
                i.status, owner(i), totals.adopted(), totals.expected(), totals.expectedReported(), totals.realised(),
                realisedAtLevel, ratio, thresholds.rag(ratio), level.view(), totals.overdueReports(),
                totals.nextDueDate(), i.version);
    }

    /** A slot at the initiative's level (its report's realised amount converted from the slot's year). */
    static SlotView slot(ReportSlot s, Thresholds thresholds, RealisedAtLevel level) {
        Long realisedAtLevel = s.realised == null ? null : level.convert(s.realised, s.year);
        BigDecimal ratio = realisedAtLevel == null ? null : Thresholds.ratio(realisedAtLevel, s.expected);
        return new SlotView(s.id, s.period, s.year, s.quarter, s.dueDate, s.status, s.expected, s.realised,
                realisedAtLevel, ratio, thresholds.rag(ratio), level.view(), s.evidenceLevel, s.reportVersion,
                s.reportedAt, s.overdueSince);
    }

    static AreaView area(Initiative i) {
        return new AreaView(i.areaCode, i.areaName, i.areaMainAccount, i.areaCommittee);
    }

    static OwnerView owner(Initiative i) {
        return new OwnerView(i.ownerUsername, i.ownerName);
    }

    /** A report version as reported: its ratio and status, at the price level it states. */
    static ReportView report(BenefitReport r, boolean latest, int initiativeLevel) {
        return new ReportView(r.id, r.initiativeId, r.period, r.year, r.quarter, r.reportVersion, latest, r.expected,
                r.realised, r.realisedAtPriceLevel, r.ratio, r.rag, RealisedAtLevel.ofReport(r, initiativeLevel),
                r.evidenceLevel, r.narrative, r.barriers, r.opportunities, r.correctionReason, r.reportedAt,
                r.reportedBy);
    }

    static DecisionView decision(Decision d) {
        return new DecisionView(d.id, d.initiativeId, d.kind, d.reason, d.narrative, List.copyOf(d.scaleUpAreas),
                d.years.stream().map(y -> new DecisionYearView(y.year, y.adopted, y.expectedBefore, y.expectedAfter,
                        y.realised, y.remainder)).toList(),
                d.budgetRisk, d.evidenceLevel, d.decidingBody, d.decidingBodyName, d.decisionReference, d.decidedAt,
                d.decidedBy);
    }

    static AuditView audit(AuditEntry e) {
        return new AuditView(e.at, e.action, e.actorName, e.detail);
    }
}
