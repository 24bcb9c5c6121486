package dk.raaderum.platform.web.text;

import dk.raaderum.platform.web.http.CsvWriter;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts and ratios as Danish readers write them, for warnings, audit lines and CSV. */
public final class KronerText {

    private static final String SUFFIX = " kr.";

    private KronerText() {
    }

    /**
     * Whole kroner with Danish thousands separators, {@code -1350000 → "-1.350.000 kr."}: what {@code NumberFormat}'s
     * integer format for da-DK writes, without building a {@code NumberFormat} (pattern, symbols) for every amount.
     */
    public static String format(long amount) {
        String digits = Long.toString(amount);
        int first = amount < 0 ? 1 : 0;
        StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3 + SUFFIX.length());
        text.append(digits, 0, first);
        for (int i = first; i < digits.length(); i++) {
            if (i > first && (digits.length() - i) % 3 == 0) {
                text.append('.');
            }
            text.append(digits.charAt(i));
        }
        return text.append(SUFFIX).toString();
    }

    /** A ratio as a percentage with a decimal comma, {@code 0.9312 → "93,12"}; empty for null. */
    public static String percent(BigDecimal ratio) {
        if (ratio == null) {
            return "";
        }
        return CsvWriter.decimal(ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP));
    }
}
