package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.AuditEntry;
import dk.raaderum.followup.domain.BenefitReport;
import dk.raaderum.followup.domain.Decision;
import dk.raaderum.followup.domain.Initiative;
import dk.raaderum.followup.domain.InitiativeYear;
import dk.raaderum.followup.domain.ReportSlot;
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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Entities to answers; the only place that knows both. */
final class InitiativeViews {

    private InitiativeViews() {
    }

    static InitiativeView initiative(Initiative i, Thresholds thresholds) {
        List<YearView> years = new ArrayList<>();
        long adopted = 0;
        long expected = 0;
        long expectedReported = 0;
        long realised = 0;
        long atRisk = 0;
        for (InitiativeYear year : i.years) {
            YearRealisation r = year.figures();
            BigDecimal ratio = r.ratio();
            years.add(new YearView(year.year, year.adopted, year.expected, year.investmentCost, year.gain,
                    r.expectedReported(), r.hasReports() ? r.realised() : null, ratio, thresholds.rag(ratio),
                    r.gainsAtRisk()));
            adopted += year.adopted;
            expected += year.expected;
            expectedReported += r.expectedReported();
            realised += r.realised();
            atRisk += r.gainsAtRisk();
        }
        BigDecimal ratio = expectedReported > 0 ? Thresholds.ratio(realised, expectedReported) : null;
        List<SlotView> slots = i.slots.stream()
                .sorted(Comparator.comparingInt((ReportSlot s) -> s.year)
                        .thenComparing(s -> s.quarter == null ? 0 : s.quarter))
                .map(s -> slot(s, thresholds))
                .toList();
        return new InitiativeView(i.id, i.municipality, i.source, i.proposalId, i.proposalNumber, i.catalogId,
                i.catalogYear, i.priceLevelYear, area(i), i.type, i.type.danish(), i.title, i.description, i.uncertainty,
                owner(i), i.status, i.adoptedAt, i.decisionReference, i.lastDecision, i.lastDecisionAt, i.terminatedAt,
                years, slots, new TotalsView(adopted, expected, expectedReported, realised, ratio, thresholds.rag(ratio),
                        atRisk),
                i.createdAt, i.createdBy, i.version);
    }

    static InitiativeSummary summary(Initiative i, Totals t, Thresholds thresholds) {
        Totals totals = t == null ? new Totals(0, 0, 0, 0, 0, null) : t;
        BigDecimal ratio = totals.expectedReported() > 0 ? Thresholds.ratio(totals.realised(), totals.expectedReported())
                : null;
        return new InitiativeSummary(i.id, i.proposalNumber, i.title, i.type, i.areaCode, i.areaName, i.catalogYear,
                i.status, owner(i), totals.adopted(), totals.expected(), totals.expectedReported(), totals.realised(),
                ratio, thresholds.rag(ratio), totals.overdueReports(), totals.nextDueDate(), i.version);
    }

    static SlotView slot(ReportSlot s, Thresholds thresholds) {
        return new SlotView(s.id, s.period, s.year, s.quarter, s.dueDate, s.status, s.expected, s.realised, s.ratio,
                thresholds.rag(s.ratio), s.evidenceLevel, s.reportVersion, s.reportedAt, s.overdueSince);
    }

    static AreaView area(Initiative i) {
        return new AreaView(i.areaCode, i.areaName, i.areaMainAccount, i.areaCommittee);
    }

    static OwnerView owner(Initiative i) {
        return new OwnerView(i.ownerUsername, i.ownerName);
    }

    static ReportView report(BenefitReport r, boolean latest) {
        return new ReportView(r.id, r.initiativeId, r.period, r.year, r.quarter, r.reportVersion, latest, r.expected,
                r.realised, r.ratio, r.rag, r.evidenceLevel, r.narrative, r.barriers, r.opportunities,
                r.correctionReason, r.reportedAt, r.reportedBy);
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
