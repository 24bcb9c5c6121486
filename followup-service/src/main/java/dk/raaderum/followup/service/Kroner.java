package dk.raaderum.followup.service;

import dk.raaderum.platform.web.http.CsvWriter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** Amounts and ratios as Danish readers write them, for audit lines and CSV. */
final class Kroner {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");

    private Kroner() {
    }

    /** {@code 1.350.000 kr.} */
    static String format(long amount) {
        return NumberFormat.getIntegerInstance(DANISH).format(amount) + " kr.";
    }

    /** A ratio as a percentage with a decimal comma, {@code 0.9312 → "93,12"}; empty for null. */
    static String percent(BigDecimal ratio) {
        if (ratio == null) {
            return "";
        }
        return CsvWriter.decimal(ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP));
    }
}
