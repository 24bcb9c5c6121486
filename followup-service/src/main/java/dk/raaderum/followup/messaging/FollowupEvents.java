package dk.raaderum.followup.messaging;

import dk.raaderum.followup.domain.BenefitReport;
import dk.raaderum.followup.domain.Decision;
import dk.raaderum.followup.domain.DecisionYear;
import dk.raaderum.followup.domain.ApplicationDecision;
import dk.raaderum.followup.domain.Initiative;
import dk.raaderum.followup.domain.InvestmentApplication;
import dk.raaderum.followup.domain.InvestmentPool;
import dk.raaderum.followup.domain.ReportSlot;
import dk.raaderum.platform.events.EventType;
import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.followup.BenefitReportedV1;
import dk.raaderum.platform.events.followup.InitiativeDecidedV1;
import dk.raaderum.platform.events.followup.InvestmentPoolGrantedV1;
import dk.raaderum.platform.events.followup.ReportOverdueV1;
import dk.raaderum.platform.messaging.outbox.Outbox;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Publishes followup-service's events through the outbox, in the caller's transaction, keyed by the initiative id
 * (investment-pool.granted: by the pool id).
 * Payloads are the contract records of platform/contracts (docs/events.md).
 */
@ApplicationScoped
public class FollowupEvents {

    private final Outbox outbox;

    public FollowupEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A report version on a slot (with the quarterly cadence, the figures of the quarter). */
    public void benefitReported(Initiative initiative, ReportSlot slot, BenefitReport report) {
        outbox.publish(Events.BENEFIT_REPORTED, initiative.id.toString(), initiative.municipality,
                new BenefitReportedV1(initiative.id, initiative.title, initiative.areaCode, initiative.catalogYear,
                        slot.year, slot.period, report.reportVersion, report.expected, report.realised, report.ratio,
                        report.evidenceLevel.name(), report.rag == null ? null : report.rag.name(), report.reportedAt,
                        initiative.proposalId));
    }

    /** ownerId is the owner's login (null when none is assigned). */
    public void reportOverdue(Initiative initiative, ReportSlot slot, Instant detectedAt) {
        outbox.publish(Events.REPORT_OVERDUE, initiative.id.toString(), initiative.municipality,
                new ReportOverdueV1(initiative.id, initiative.title, initiative.areaCode, slot.year, slot.period,
                        slot.dueDate, initiative.ownerUsername, detectedAt));
    }

    /** TERMINATE, SCALE_UP and SHARE are published; CONTINUE and ADJUST stay in the register. */
    public void decided(Initiative initiative, Decision decision) {
        EventType<InitiativeDecidedV1> type = switch (decision.kind) {
            case TERMINATE -> Events.INITIATIVE_TERMINATED;
            case SCALE_UP -> Events.INITIATIVE_SCALED_UP;
            case SHARE -> Events.INITIATIVE_SHARED;
            case CONTINUE, ADJUST -> null;
        };
        if (type == null) {
            return;
        }
        List<YearAmount> expected = initiative.years.stream().map(y -> new YearAmount(y.year, y.expected)).toList();
        List<YearAmount> realised = decision.years.stream().filter(y -> y.realised != null)
                .map(y -> new YearAmount(y.year, y.realised)).toList();
        List<YearAmount> remainder = decision.years.stream().filter(y -> y.remainder != null)
                .map((DecisionYear y) -> new YearAmount(y.year, y.remainder)).toList();
        outbox.publish(type, initiative.id.toString(), initiative.municipality, new InitiativeDecidedV1(initiative.id,
                decision.kind.name(), initiative.title, initiative.type.name(), initiative.catalogYear,
                new PolicyAreaRef(initiative.areaCode, initiative.areaName, initiative.areaMainAccount,
                        initiative.areaCommittee),
                expected, realised, remainder, List.copyOf(decision.scaleUpAreas),
                decision.evidenceLevel == null ? null : decision.evidenceLevel.name(), decision.reason,
                decision.narrative, decision.decidedAt, initiative.proposalId,
                decision.decidingBody == null ? null : decision.decidingBody.name(), decision.decidingBodyName,
                decision.decisionReference));
    }

    /** A granted application: drawn on the pool and followed up as {@code application.initiativeId}. */
    public void poolGranted(InvestmentPool pool, InvestmentApplication application, ApplicationDecision decision) {
        outbox.publish(Events.INVESTMENT_POOL_GRANTED, pool.id.toString(), pool.municipality,
                new InvestmentPoolGrantedV1(pool.id, pool.name, application.id, application.initiativeId,
                        application.committee, application.title, new PolicyAreaRef(application.areaCode,
                                application.areaName, application.areaMainAccount, application.areaCommittee),
                        yearAmounts(application.costs()), yearAmounts(application.gains()), application.paybackYears,
                        application.uncertainty, yearAmounts(pool.remaining()), decision.decidingBody.name(),
                        decision.decidingBodyName, decision.decisionReference, decision.decidedAt));
    }

    private static List<YearAmount> yearAmounts(Map<Integer, Long> byYear) {
        return byYear.entrySet().stream().map(e -> new YearAmount(e.getKey(), e.getValue())).toList();
    }
}
