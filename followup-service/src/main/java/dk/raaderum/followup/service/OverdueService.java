package dk.raaderum.followup.service;

import dk.raaderum.followup.config.FollowupConfig;
import dk.raaderum.followup.domain.AuditAction;
import dk.raaderum.followup.domain.ReportSlot;
import dk.raaderum.followup.domain.SlotStatus;
import dk.raaderum.followup.messaging.FollowupEvents;
import dk.raaderum.followup.repository.ReportSlotRepository;
import dk.raaderum.followup.service.FigureModels.OverdueView;
import dk.raaderum.followup.service.FigureModels.OwnerOverdueView;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.security.Actor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Report slots past their due date: marking them OVERDUE (with an event each) and listing them per municipality and
 * per owner. A slot is overdue from the day after its due date (in the configured zone).
 */
@ApplicationScoped
public class OverdueService {

    private final ReportSlotRepository slots;
    private final FollowupEvents events;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;
    private final int batchSize;

    public OverdueService(ReportSlotRepository slots, FollowupEvents events, AuditTrail audit, FollowupConfig config,
            Clock clock) {
        this.slots = slots;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.zone = config.zone();
        this.batchSize = config.overdue().batchSize();
    }

    /**
     * Marks one batch of PENDING slots whose due date has passed as OVERDUE and publishes report-overdue for each, in
     * one transaction. Rows are locked with SKIP LOCKED, so instances running side by side share the work.
     *
     * @return how many were marked; a full batch means there may be more
     */
    @Transactional
    public int markOverdueBatch() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<ReportSlot> due = slots.lockPastDue(today, batchSize);
        for (ReportSlot slot : due) {
            slot.status = SlotStatus.OVERDUE;
            slot.overdueSince = now;
            slot.initiative.refreshFigures();
            events.reportOverdue(slot.initiative, slot, now);
            audit.record(slot.initiative.id, AuditAction.REPORT_OVERDUE, Actor.system("followup-service",
                    slot.municipality), now, slot.period + ": rapporten var ikke afleveret ved fristen " + slot.dueDate);
        }
        return due.size();
    }

    public int batchSize() {
        return batchSize;
    }

    /** Overdue report slots of a municipality, oldest due date first; optionally of one owner login or area. */
    public PageOf<OverdueView> list(String municipality, String owner, String areaCode, int page, int size) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return slots.overdue(municipality, Texts.blankToNull(owner), Texts.blankToNull(areaCode), page, size).map(s -> new OverdueView(
                s.id, s.initiative.id, s.initiative.title, s.initiative.areaCode, s.initiative.areaName,
                s.initiative.catalogYear, s.period, s.year, s.quarter, s.dueDate, ChronoUnit.DAYS.between(s.dueDate, today),
                s.expected, InitiativeViews.owner(s.initiative), s.overdueSince));
    }

    /** Overdue reports per owner login, most first. */
    public PageOf<OwnerOverdueView> byOwner(String municipality, int page, int size) {
        return slots.overdueByOwner(municipality, page, size).map(r -> new OwnerOverdueView(r.ownerUsername(),
                r.ownerName(), r.overdueReports(), r.initiatives(), r.oldestDueDate(), r.expected()));
    }
}
