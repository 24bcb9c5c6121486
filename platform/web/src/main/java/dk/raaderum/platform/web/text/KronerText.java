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

    /**
     * An exact amount as {@link #format(long)} writes whole kroner; øre, where there are any, after a decimal comma:
     * {@code 1850000.5 → "1.850.000,5 kr."}, {@code -0.25 → "-0,25 kr."}.
     */
    public static String format(BigDecimal amount) {
        BigDecimal whole = amount.setScale(0, RoundingMode.DOWN);
        BigDecimal fraction = amount.subtract(whole).abs().stripTrailingZeros();
        String text = format(whole.longValueExact());
        if (fraction.signum() == 0) {
            return text;
        }
        String integer = amount.signum() < 0 && whole.signum() == 0 ? "-0"
                : text.substring(0, text.length() - SUFFIX.length());
        return integer + "," + fraction.toPlainString().substring(2) + SUFFIX;
    }

    /** A ratio as a percentage with a decimal comma, {@code 0.9312 → "93,12"}; empty for null. */
    public static String percent(BigDecimal ratio) {
        if (ratio == null) {
            return "";
        }
        return CsvWriter.decimal(ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP));
    }
}
