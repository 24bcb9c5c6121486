package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.Cadence;
import dk.raaderum.followup.domain.Initiative;
import dk.raaderum.followup.domain.InitiativeYear;
import dk.raaderum.followup.domain.PlannedSlot;
import dk.raaderum.followup.domain.ReportSlot;
import dk.raaderum.followup.domain.SlotRules;
import dk.raaderum.followup.domain.SlotStatus;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps an initiative's report slots in line with its expected years and the municipality's cadence. Slots are
 * matched by period, so a re-plan updates what exists instead of deleting and re-inserting it:
 * <ul>
 * <li>a planned period without a slot gets a new PENDING slot;</li>
 * <li>an existing slot of a planned period gets the new expected amount (and, while PENDING, the new due date;
 * a CLOSED slot opens again as PENDING);</li>
 * <li>an existing slot whose period is no longer planned is removed while PENDING and CLOSED when OVERDUE (the
 * overdue history stays).</li>
 * </ul>
 * A year with a REPORTED slot is never re-planned. A year with an OVERDUE slot keeps the cadence it has.
 */
@ApplicationScoped
public class SlotPlanning {

    /** The slots of a new initiative. */
    public void plan(Initiative initiative, SlotRules rules) {
        for (InitiativeYear year : initiative.years) {
            replanYear(initiative, year.year, year.expected, rules);
        }
    }

    /** After a settings change: re-plans the years whose slots are all PENDING. True when anything changed. */
    public boolean reschedule(Initiative initiative, SlotRules rules) {
        boolean changed = false;
        for (InitiativeYear year : initiative.years) {
            List<ReportSlot> slots = initiative.slotsOf(year.year);
            if (!slots.isEmpty() && slots.stream().allMatch(s -> s.status == SlotStatus.PENDING)) {
                changed |= replanYear(initiative, year.year, year.expected, rules);
            }
        }
        return changed;
    }

    /** True when the year has a report, so its expectation and slots are fixed. */
    public static boolean isReported(Initiative initiative, int year) {
        return initiative.slotsOf(year).stream().anyMatch(s -> s.status == SlotStatus.REPORTED);
    }

    /** Plans one year for an expected amount. True when a slot was added, changed or removed. */
    public boolean replanYear(Initiative initiative, int year, long expected, SlotRules rules) {
        List<ReportSlot> existing = initiative.slotsOf(year);
        if (existing.stream().anyMatch(s -> s.status == SlotStatus.REPORTED)) {
            throw new IllegalStateException("Year " + year + " of initiative " + initiative.id + " is reported");
        }
        Cadence cadence = rules.cadence();
        if (existing.stream().anyMatch(s -> s.status == SlotStatus.OVERDUE)) {
            cadence = existing.stream().anyMatch(s -> s.quarter != null) ? Cadence.QUARTERLY : Cadence.YEARLY;
        }
        List<PlannedSlot> plan = rules.plan(cadence, year, expected);
        Map<String, ReportSlot> byPeriod = existing.stream().collect(Collectors.toMap(s -> s.period, Function.identity()));
        boolean changed = false;
        for (PlannedSlot planned : plan) {
            ReportSlot slot = byPeriod.get(planned.period());
            if (slot == null) {
                initiative.slots.add(newSlot(initiative, planned));
                changed = true;
                continue;
            }
            if (slot.expected != planned.expected()) {
                slot.expected = planned.expected();
                changed = true;
            }
            if (slot.status == SlotStatus.CLOSED) {
                slot.status = SlotStatus.PENDING;
                slot.dueDate = planned.dueDate();
                changed = true;
            } else if (slot.status == SlotStatus.PENDING && !slot.dueDate.equals(planned.dueDate())) {
                slot.dueDate = planned.dueDate();
                changed = true;
            }
        }
        Set<String> planned = plan.stream().map(PlannedSlot::period).collect(Collectors.toSet());
        for (ReportSlot slot : existing) {
            if (planned.contains(slot.period)) {
                continue;
            }
            if (slot.status == SlotStatus.PENDING) {
                initiative.slots.remove(slot);
                changed = true;
            } else if (slot.status == SlotStatus.OVERDUE) {
                slot.status = SlotStatus.CLOSED;
                changed = true;
            }
        }
        return changed;
    }

    /** TERMINATE: every slot still awaiting a report is closed. */
    public void closeOpenSlots(Initiative initiative) {
        for (ReportSlot slot : initiative.slots) {
            if (slot.status.awaitsReport()) {
                slot.status = SlotStatus.CLOSED;
            }
        }
    }

    private static ReportSlot newSlot(Initiative initiative, PlannedSlot planned) {
        ReportSlot slot = new ReportSlot();
        slot.initiative = initiative;
        slot.municipality = initiative.municipality;
        slot.year = planned.year();
        slot.quarter = planned.quarter();
        slot.period = planned.period();
        slot.expected = planned.expected();
        slot.dueDate = planned.dueDate();
        slot.status = SlotStatus.PENDING;
        return slot;
    }
}
