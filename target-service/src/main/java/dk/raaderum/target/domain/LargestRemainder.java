package dk.raaderum.target.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Splits a whole number of units over weights in proportion, exactly, by the largest-remainder (Hamilton) method:
 * every share first gets the integer part of {@code units × weight / Σ weights}; the units left over (fewer than the
 * number of shares) go one each to the shares with the largest remainders. Ties go to the larger weight, then to the
 * name that sorts first, so the result never depends on the order of the input.
 *
 * <p>The arithmetic is exact (BigDecimal products and integral division, no rounding), so the shares always sum to
 * {@code units}, no share is negative, and every share is within one unit of its exact proportional value.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * @param units the number of units to hand out, ≥ 0
     * @param weights one non-negative weight per share; their sum must be positive when units &gt; 0
     * @param names one name per share, for the tie-break
     * @return the units of each share, in input order, summing to {@code units}
     */
    public static long[] split(long units, BigDecimal[] weights, String[] names) {
        if (units < 0) {
            throw new IllegalArgumentException("units must not be negative: " + units);
        }
        if (weights.length != names.length) {
            throw new IllegalArgumentException("one name per weight");
        }
        int n = weights.length;
        long[] result = new long[n];
        if (units == 0) {
            return result;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal weight : weights) {
            if (weight.signum() < 0) {
                throw new IllegalArgumentException("weights must not be negative: " + weight);
            }
            total = total.add(weight);
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("the weights sum to zero; there is nothing to split " + units + " over");
        }
        BigDecimal u = BigDecimal.valueOf(units);
        BigDecimal[] remainders = new BigDecimal[n];
        long handedOut = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal[] quotientAndRemainder = u.multiply(weights[i]).divideAndRemainder(total);
            result[i] = quotientAndRemainder[0].longValueExact();
            remainders[i] = quotientAndRemainder[1];
            handedOut += result[i];
        }
        long left = units - handedOut;
        if (left > 0) {
            Integer[] order = new Integer[n];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.<Integer, BigDecimal>comparing(i -> remainders[i]).reversed()
                    .thenComparing(Comparator.<Integer, BigDecimal>comparing(i -> weights[i]).reversed())
                    .thenComparing(i -> names[i]));
            for (int k = 0; k < left; k++) {
                result[order[k]]++;
            }
        }
        return result;
    }
}
