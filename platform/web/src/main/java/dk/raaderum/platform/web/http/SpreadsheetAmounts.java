package dk.raaderum.platform.web.http;

import dk.raaderum.platform.events.YearAmount;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Whole kroner as spreadsheets give them back: what {@link CsvWriter} writes ({@code -1500000}), what Danish Excel
 * writes when the cell shows thousands separators or decimals ({@code -1.500.000}, {@code -1.500.000,00},
 * {@code -1 500 000}), and what the platform's {@code XlsxReader} gives for a number cell ({@code -1500000},
 * {@code -1500000.5}). A fraction of a krone, a number beyond the platform's bound ({@link YearAmount#MAX_ABS}) and
 * anything else are refused with a message for the person who typed it.
 */
public final class SpreadsheetAmounts {

    private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+([.,]\\d+)?");
    private static final Pattern DANISH = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+(,\\d+)?");

    private SpreadsheetAmounts() {
    }

    /** A cell that is not an amount in whole kroner; the message says why. */
    public static final class NotWholeKroner extends IllegalArgumentException {

        NotWholeKroner(String message) {
            super(message);
        }
    }

    /** The amount in whole kroner of a non-blank cell. */
    public static long wholeKroner(String cell) {
        String text = cell.strip().replace(" ", "").replace("\u00A0", "").replace('\u2212', '-');
        BigDecimal value;
        if (DANISH.matcher(text).matches()) {
            value = new BigDecimal(text.replace(".", "").replace(',', '.'));
        } else if (PLAIN.matcher(text).matches()) {
            value = new BigDecimal(text.replace(',', '.'));
        } else {
            throw new NotWholeKroner("'" + cell.strip() + "' is not an amount in whole kroner (e.g. -1500000 or"
                    + " -1.500.000)");
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw new NotWholeKroner("'" + cell.strip() + "' has a fraction of a krone; amounts are whole kroner");
        }
        if (value.abs().compareTo(BigDecimal.valueOf(YearAmount.MAX_ABS)) > 0) {
            throw new NotWholeKroner("'" + cell.strip() + "' is beyond the bound of every amount, "
                    + YearAmount.MAX_ABS + " kr. either way");
        }
        return value.longValueExact();
    }
}
