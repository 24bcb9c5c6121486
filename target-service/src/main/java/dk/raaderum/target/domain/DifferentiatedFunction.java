package dk.raaderum.target.domain;

import java.math.BigDecimal;

/**
 * The multiplier of the DIFFERENTIATED key: how much more (or less) of the target an area carries per krone of
 * budget because it is expensive (or cheap) compared with similar municipalities.
 *
 * <pre>
 * multiplier = clamp(1 + sensitivity × (spendingIndex / 100 − 1), floor, cap)
 * weight     = area budget × multiplier × reduction factor
 * </pre>
 *
 * The spending index is 100 when the area spends what comparable municipalities spend (per unit, e.g. per
 * 0–5-year-old), 120 when it spends 20 % more. With sensitivity 1 an area at index 120 carries 20 % more per krone
 * than an area at 100; sensitivity 0 gives the UNIFORM key. The floor keeps cheap areas contributing, the cap keeps
 * expensive areas from carrying everything. An area without an index counts as 100.
 *
 * @param sensitivity ≥ 0
 * @param floor ≥ 0, the lowest multiplier
 * @param cap ≥ floor and &gt; 0, the highest multiplier
 */
public record DifferentiatedFunction(BigDecimal sensitivity, BigDecimal floor, BigDecimal cap) {

    /** 422 rule: the differentiated key's sensitivity and floor are 0 or more, its cap above 0 and the floor. */
    public static final String RULE_DIFFERENTIATED_FUNCTION = "differentiated-function";

    public static final BigDecimal NEUTRAL_INDEX = BigDecimal.valueOf(100);

    public DifferentiatedFunction {
        if (sensitivity == null || sensitivity.signum() < 0) {
            throw new AllocationException(RULE_DIFFERENTIATED_FUNCTION, "sensitivity must be 0 or more");
        }
        if (floor == null || floor.signum() < 0) {
            throw new AllocationException(RULE_DIFFERENTIATED_FUNCTION, "floor must be 0 or more");
        }
        if (cap == null || cap.signum() <= 0 || cap.compareTo(floor) < 0) {
            throw new AllocationException(RULE_DIFFERENTIATED_FUNCTION, "cap must be above 0 and at least the floor ("
                    + floor.toPlainString() + ")");
        }
    }

    public BigDecimal multiplier(BigDecimal spendingIndex) {
        BigDecimal index = spendingIndex == null ? NEUTRAL_INDEX : spendingIndex;
        BigDecimal raw = BigDecimal.ONE.add(sensitivity.multiply(index.movePointLeft(2).subtract(BigDecimal.ONE)));
        if (raw.compareTo(floor) < 0) {
            return floor;
        }
        if (raw.compareTo(cap) > 0) {
            return cap;
        }
        return raw;
    }
}
