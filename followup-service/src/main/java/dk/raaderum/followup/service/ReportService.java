package dk.raaderum.followup.service;

import dk.raaderum.followup.config.FollowupConfig;
import dk.raaderum.followup.domain.AuditAction;
import dk.raaderum.followup.domain.BenefitReport;
import dk.raaderum.followup.domain.Initiative;
import dk.raaderum.followup.domain.ReportSlot;
import dk.raaderum.followup.domain.SlotRules;
import dk.raaderum.followup.domain.SlotStatus;
import dk.raaderum.followup.domain.Thresholds;
import dk.raaderum.followup.messaging.FollowupEvents;
import dk.raaderum.followup.repository.BenefitReportRepository;
import dk.raaderum.followup.repository.InitiativeRepository;
import dk.raaderum.followup.service.ReportModels.ReportInput;
import dk.raaderum.followup.service.ReportModels.ReportView;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.platform.web.security.Roles;
import dk.raaderum.platform.web.text.KronerText;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Benefit reports: the realised gain of one slot, with its evidence level and what was learnt. Reported by the
 * initiative's program owner (token preferred_username = its owner login) or a finance officer. A correction is a
 * new version of the slot's report; every version is kept.
 */
@ApplicationScoped
public class ReportService {

    /** 422 rule: a second report on a slot is a correction and gives its reason. */
    public static final String RULE_CORRECTION_REASON_REQUIRED = "correction-reason-required";
    /** 422 rule: a report slot is reported on once its period has begun. */
    public static final String RULE_PERIOD_NOT_STARTED = "period-not-started";
    /** 422 rule: the year (and quarter) names one of the initiative's report slots. */
    public static final String RULE_UNKNOWN_REPORT_SLOT = "unknown-report-slot";

    private final InitiativeService initiatives;
    private final InitiativeRepository initiativeRepository;
    private final BenefitReportRepository reports;
    private final SettingsService settings;
    private final AuditTrail audit;
    private final FollowupEvents events;
    private final PriceIndexReadModel priceIndexes;
    private final Clock clock;
    private final ZoneId zone;

    public ReportService(InitiativeService initiatives, InitiativeRepository initiativeRepository,
            BenefitReportRepository reports, SettingsService settings, AuditTrail audit, FollowupEvents events,
            PriceIndexReadModel priceIndexes, FollowupConfig config, Clock clock) {
        this.initiatives = initiatives;
        this.initiativeRepository = initiativeRepository;
        this.reports = reports;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.priceIndexes = priceIndexes;
        this.clock = clock;
        this.zone = config.zone();
    }

    /**
     * @param username the caller's login (token preferred_username), compared with the initiative's owner
     */
    @Transactional
    public ReportView report(Actor actor, String username, String municipality, long initiativeId, ReportInput input) {
        Initiative initiative = initiatives.lock(municipality, initiativeId);
        requireMayReport(actor, username, initiative);
        ReportSlot slot = reportableSlot(initiative, input);
        boolean correction = slot.status == SlotStatus.REPORTED;
        if (correction && (input.correctionReason() == null || input.correctionReason().isBlank())) {
            throw ProblemException.ruleViolation(RULE_CORRECTION_REASON_REQUIRED, "Period " + slot.period
                    + " is reported (version " + slot.reportVersion + "); a correction says why in correctionReason");
        }
        if (input.reportVersion() != null) {
            EntityTags.checkVersion(input.reportVersion().longValue(), slot.reportVersion);
        }
        // The initiative's ETag covers its slots: a report moves it on (the row lock serialises the reports).
        initiativeRepository.getEntityManager().lock(initiative, LockModeType.OPTIMISTIC_FORCE_INCREMENT);

        BenefitReport report = newReport(actor, municipality, initiative, slot, input, correction);
        reports.persist(report);
        slot.status = SlotStatus.REPORTED;
        slot.realised = report.realised;
        slot.ratio = report.ratio;
        slot.evidenceLevel = report.evidenceLevel;
        slot.reportVersion = report.reportVersion;
        slot.reportedAt = report.reportedAt;
        initiative.refreshFigures();

        audit.record(initiative.id, correction ? AuditAction.REPORT_CORRECTED : AuditAction.REPORTED, actor,
                report.reportedAt, auditText(slot, report, correction));
        events.benefitReported(initiative, slot, report);
        reports.flush();
        return InitiativeViews.report(report, true, initiative.priceLevelYear);
    }

    /** The slot the input names, if the initiative is active, the slot open and its period begun. */
    private ReportSlot reportableSlot(Initiative initiative, ReportInput input) {
        if (!initiative.isActive()) {
            throw new ProblemException(FollowupProblems.INITIATIVE_TERMINATED, "Initiative " + initiative.id
                    + " was terminated on " + initiative.terminatedAt + "; it takes no more reports");
        }
        ReportSlot slot = slot(initiative, input.year(), input.quarter());
        if (slot.status == SlotStatus.CLOSED) {
            throw new ProblemException(FollowupProblems.REPORT_SLOT_CLOSED, "Period " + slot.period
                    + " no longer needs a report: its expected gain was adjusted away");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate start = SlotRules.periodStart(slot.year, slot.quarter);
        if (today.isBefore(start)) {
            throw ProblemException.ruleViolation(RULE_PERIOD_NOT_STARTED,
                    "Period " + slot.period + " begins on " + start
                    + "; gains can be reported once it has begun");
        }
        return slot;
    }

    /**
     * The slot's next report version. Like with like: the realised amount (at the year's prices) is compared at the
     * initiative's price level, as the views do.
     */
    private BenefitReport newReport(Actor actor, String municipality, Initiative initiative, ReportSlot slot,
            ReportInput input, boolean correction) {
        Thresholds thresholds = settings.thresholds(municipality);
        RealisedAtLevel atLevel = new RealisedAtLevel(priceIndexes.effective(municipality), initiative.priceLevelYear);
        long realisedAtLevel = atLevel.convert(input.realised(), slot.year);
        BigDecimal ratio = Thresholds.ratio(realisedAtLevel, slot.expected);
        BenefitReport report = new BenefitReport();
        report.slotId = slot.id;
        report.initiativeId = initiative.id;
        report.municipality = municipality;
        report.year = slot.year;
        report.quarter = slot.quarter;
        report.period = slot.period;
        report.reportVersion = slot.reportVersion + 1;
        report.expected = slot.expected;
        report.realised = input.realised();
        report.ratio = ratio;
        report.rag = thresholds.rag(ratio);
        report.priceLevelYear = initiative.priceLevelYear;
        report.realisedAtPriceLevel = realisedAtLevel;
        report.convertedFrom = atLevel.convertedFrom();
        report.priceLevelWarning = atLevel.warning();
        report.evidenceLevel = input.evidenceLevel();
        report.narrative = input.narrative().strip();
        report.barriers = Texts.blankToNull(input.barriers());
        report.opportunities = Texts.blankToNull(input.opportunities());
        report.correctionReason = correction ? input.correctionReason().strip() : null;
        report.reportedAt = clock.instant();
        report.reportedBy = actor.name();
        report.reportedById = actor.id();
        return report;
    }

    private static String auditText(ReportSlot slot, BenefitReport report, boolean correction) {
        return slot.period + ": realiseret " + KronerText.format(report.realised) + " af "
                + KronerText.format(report.expected)
                + (report.ratio == null ? "" : " (" + KronerText.percent(report.ratio) + " %)") + ", "
                + report.evidenceLevel.danish()
                + (correction ? "; rettelse (version " + report.reportVersion + "): " + report.correctionReason : "");
    }

    public PageOf<ReportView> history(String municipality, long initiativeId, String period, int page, int size) {
        Initiative initiative = initiatives.find(municipality, initiativeId);
        return reports.history(initiative.id, period, page, size).map(r -> InitiativeViews.report(r,
                isLatest(initiative, r), initiative.priceLevelYear));
    }

    public Optional<ReportView> get(String municipality, long initiativeId, long reportId) {
        Initiative initiative = initiatives.find(municipality, initiativeId);
        return reports.findOfInitiative(initiative.id, reportId).map(r -> InitiativeViews.report(r,
                isLatest(initiative, r), initiative.priceLevelYear));
    }

    private static boolean isLatest(Initiative initiative, BenefitReport report) {
        return initiative.slots.stream().anyMatch(s -> s.id == report.slotId && s.reportVersion == report.reportVersion);
    }

    /** The owner (by login) or a finance officer of the municipality; the tenancy guard has checked the municipality. */
    static void requireMayReport(Actor actor, String username, Initiative initiative) {
        if (actor.hasRole(Roles.FINANCE_OFFICER)) {
            return;
        }
        if (actor.hasRole(Roles.PROGRAM_OWNER) && initiative.ownerUsername != null
                && initiative.ownerUsername.equals(username)) {
            return;
        }
        throw ProblemException.forbidden("Only the initiative's program owner"
                + (initiative.ownerUsername == null ? " (none assigned yet)" : " (" + initiative.ownerUsername + ")")
                + " or a finance officer may report on initiative " + initiative.id);
    }

    private static ReportSlot slot(Initiative initiative, int year, Integer quarter) {
        return initiative.slot(year, quarter).orElseThrow(() -> {
            boolean quarterly = initiative.slotsOf(year).stream().anyMatch(s -> s.quarter != null);
            String periods = initiative.slots.stream().map(s -> s.period).toList().toString();
            String detail = quarter == null && quarterly
                    ? year + " is followed up per quarter: give the quarter (1–4). Report slots: " + periods
                    : "Initiative " + initiative.id + " has no report slot for " + SlotRules.period(year, quarter)
                            + ". Report slots: " + periods;
            return ProblemException.ruleViolation(RULE_UNKNOWN_REPORT_SLOT, detail);
        });
    }
}
