package dk.raaderum.followup.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A municipality's red/amber/green thresholds, in percent of the expected gain: a ratio of at least {@code green}
 * percent is GREEN, at least {@code amber} percent AMBER, below it RED.
 */
public record Thresholds(BigDecimal greenPercent, BigDecimal amberPercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Thresholds {
        Objects.requireNonNull(greenPercent, "greenPercent");
        Objects.requireNonNull(amberPercent, "amberPercent");
    }

    /** The status of a ratio (realised / expected); null without a ratio. */
    public Rag rag(BigDecimal ratio) {
        if (ratio == null) {
            return null;
        }
        BigDecimal percent = ratio.multiply(HUNDRED);
        if (percent.compareTo(greenPercent) >= 0) {
            return Rag.GREEN;
        }
        return percent.compareTo(amberPercent) >= 0 ? Rag.AMBER : Rag.RED;
    }

    /** realised / expected with four decimals; null when nothing was expected (expected ≤ 0). */
    public static BigDecimal ratio(long realised, long expected) {
        if (expected <= 0) {
            return null;
        }
        return BigDecimal.valueOf(realised).divide(BigDecimal.valueOf(expected), 4, RoundingMode.HALF_UP);
    }
}
