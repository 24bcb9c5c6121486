package dk.raaderum.target.messaging;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.target.CoverageChangedV1;
import dk.raaderum.platform.events.target.TargetAllocatedV1;
import dk.raaderum.platform.events.target.TargetAllocatedV1.AreaAllocation;
import dk.raaderum.platform.messaging.outbox.Outbox;
import dk.raaderum.target.domain.AllocationLine;
import dk.raaderum.target.domain.AllocationRound;
import dk.raaderum.target.domain.EfficiencyTarget;
import dk.raaderum.target.domain.Percent;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes target-service's events through the outbox, in the caller's transaction. Payloads are the contract records
 * of platform/contracts (docs/events.md).
 */
@ApplicationScoped
public class TargetEvents {

    /** {@code target.coverage-changed}: coverage rose to 100 % or more. */
    public static final String REACHED = "REACHED";
    /** {@code target.coverage-changed}: coverage fell below 100 % again. */
    public static final String FELL_BELOW = "FELL_BELOW";

    private final Outbox outbox;

    public TargetEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * {@code target.allocated}, key = target id: every area of the round with the room it must create per year
     * (positive kroner; exempt areas with zeros) and its operating budget per year that the round rests on.
     */
    public void allocated(EfficiencyTarget target, AllocationRound round) {
        Map<String, List<AllocationLine>> byArea = new LinkedHashMap<>();
        round.lines.stream()
                .sorted((a, b) -> a.position != b.position ? Integer.compare(a.position, b.position)
                        : Integer.compare(a.year, b.year))
                .forEach(line -> byArea.computeIfAbsent(line.areaCode, code -> new ArrayList<>()).add(line));
        List<AreaAllocation> areas = new ArrayList<>();
        for (List<AllocationLine> lines : byArea.values()) {
            AllocationLine first = lines.get(0);
            areas.add(new AreaAllocation(new PolicyAreaRef(first.areaCode, first.areaName, first.mainAccount, first.committee),
                    lines.stream().map(l -> new YearAmount(l.year, l.amount)).toList(),
                    lines.stream().map(l -> new YearAmount(l.year, l.budget)).toList(),
                    first.exempt));
        }
        outbox.publish(Events.TARGET_ALLOCATED, target.id.toString(), target.municipality, new TargetAllocatedV1(target.id,
                round.round, target.budgetYear, round.priceLevelYear, target.name, target.responsibleBody.name(), areas,
                round.createdAt));
    }

    /** {@code target.coverage-changed}, key = {@code <municipality>:<budgetYear>:<areaCode>}. */
    public void coverageChanged(String municipality, int budgetYear, String areaCode, int year, long target, long covered,
            boolean reached) {
        outbox.publish(Events.COVERAGE_CHANGED, coverageKey(municipality, budgetYear, areaCode), municipality,
                new CoverageChangedV1(budgetYear, areaCode, year, target, covered, Percent.of(covered, target),
                        reached ? REACHED : FELL_BELOW));
    }

    public static String coverageKey(String municipality, int budgetYear, String areaCode) {
        return municipality + ":" + budgetYear + ":" + areaCode;
    }
}
