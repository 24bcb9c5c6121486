package dk.raaderum.target.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Percentages and ratios as the API shows them (BigDecimal, never double). */
public final class Percent {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {
    }

    /** part / whole × 100 with two decimals (half up); null when whole is 0. */
    public static BigDecimal of(long part, long whole) {
        return of(part, whole, 2);
    }

    public static BigDecimal of(long part, long whole, int scale) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), scale, RoundingMode.HALF_UP);
    }

    /** part / whole × 100 for decimals; null when whole is 0. */
    public static BigDecimal of(BigDecimal part, BigDecimal whole, int scale) {
        if (whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, MathContext.DECIMAL128).setScale(scale, RoundingMode.HALF_UP);
    }


    /** amount rounded half up to a multiple of unit (unit ≥ 1). */
    public static long roundToUnit(long amount, long unit) {
        if (unit <= 1) {
            return amount;
        }
        return BigDecimal.valueOf(amount).divide(BigDecimal.valueOf(unit), 0, RoundingMode.HALF_UP).longValueExact() * unit;
    }
}
