package dk.raaderum.followup.domain;

import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The payback rule of an investment's business case (KL's report: an investment cost, yearly gains and a payback
 * period). Counting from the first year with an investment cost as year 1, the payback is the first year at whose end
 * the cumulative gains reach the cumulative investment cost. Amounts are whole kroner, costs and gains 0 or more.
 */
public final class BusinessCase {

    private BusinessCase() {
    }

    /**
     * The payback in years, empty when there is no investment cost or the gains never reach the costs within the
     * years given. A gain of a year before the first cost year (an application refuses it) would count in year 1.
     */
    public static OptionalInt paybackYears(Map<Integer, Long> costs, Map<Integer, Long> gains) {
        SortedMap<Integer, Long> cost = new TreeMap<>(costs);
        cost.values().removeIf(amount -> amount == 0);
        if (cost.isEmpty()) {
            return OptionalInt.empty();
        }
        int first = cost.firstKey();
        int last = Math.max(cost.lastKey(), gains.keySet().stream().mapToInt(Integer::intValue).max().orElse(first));
        long cumulativeCost = 0;
        long cumulativeGain = gains.entrySet().stream().filter(e -> e.getKey() < first)
                .mapToLong(Map.Entry::getValue).reduce(0, Math::addExact);
        for (int year = first; year <= last; year++) {
            cumulativeCost = Math.addExact(cumulativeCost, cost.getOrDefault(year, 0L));
            cumulativeGain = Math.addExact(cumulativeGain, gains.getOrDefault(year, 0L));
            if (cumulativeGain >= cumulativeCost) {
                return OptionalInt.of(year - first + 1);
            }
        }
        return OptionalInt.empty();
    }
}
