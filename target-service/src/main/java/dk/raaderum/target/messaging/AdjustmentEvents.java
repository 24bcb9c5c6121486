package dk.raaderum.target.messaging;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.target.BudgetAdjustmentsChangedV1;
import dk.raaderum.platform.messaging.outbox.Outbox;
import dk.raaderum.target.domain.AdjustmentLine;
import dk.raaderum.target.domain.AdjustmentSet;
import dk.raaderum.target.domain.PolicyArea;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** Publishes {@code budget-adjustments.changed} through the outbox, in the caller's transaction (docs/events.md). */
@ApplicationScoped
public class AdjustmentEvents {

    private final Outbox outbox;

    public AdjustmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Key = {@code <municipality>:<budgetYear>}: every line of the budget year as it stands now, with its area as the
     * register names it.
     */
    public void changed(AdjustmentSet set, List<AdjustmentLine> lines, Map<String, PolicyArea> areas) {
        List<Integer> years = set.years();
        List<BudgetAdjustmentsChangedV1.Line> payload = lines.stream().map(line -> {
            PolicyArea area = areas.get(line.areaCode);
            long[] amounts = line.amounts(years);
            return new BudgetAdjustmentsChangedV1.Line(line.id, line.kind.name(),
                    new PolicyAreaRef(line.areaCode, area.name, area.mainAccount, area.committee), line.dated,
                    line.description, years.stream().map(y -> new YearAmount(y, amounts[years.indexOf(y)])).toList(),
                    line.compensated);
        }).toList();
        outbox.publish(Events.BUDGET_ADJUSTMENTS_CHANGED, key(set.municipality, set.budgetYear), set.municipality,
                new BudgetAdjustmentsChangedV1(set.municipality, set.budgetYear, set.priceLevelYear, set.revision,
                        payload, set.changedAt));
    }

    public static String key(String municipality, int budgetYear) {
        return municipality + ":" + budgetYear;
    }
}
