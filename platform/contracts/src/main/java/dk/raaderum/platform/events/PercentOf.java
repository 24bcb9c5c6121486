package dk.raaderum.platform.events;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A percent of an amount in whole kroner: percent × amount / 100, rounded half up. The one rule for every share of a
 * budget the services compute (a frame reduction, withheld compensation, a target's percent, an economic policy's
 * bound in percent of its basis), so the same figure shows the same kroner in every service: 1.5 % of 3,433,333,667
 * kr. is 51,500,005 kr., never 51,500,005.005.
 */
public final class PercentOf {

    private PercentOf() {
    }

    public static BigDecimal kroner(BigDecimal percent, BigDecimal amount) {
        return percent.multiply(amount).movePointLeft(2).setScale(0, RoundingMode.HALF_UP);
    }

    /** The same for an amount of whole kroner; ArithmeticException when the share does not fit a long. */
    public static long kroner(BigDecimal percent, long amount) {
        return kroner(percent, BigDecimal.valueOf(amount)).longValueExact();
    }
}
