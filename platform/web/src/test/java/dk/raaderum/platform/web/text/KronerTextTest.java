package dk.raaderum.platform.web.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

class KronerTextTest {

    @Test
    void wholeKronerAsDanishNumberFormatWritesThem() {
        NumberFormat danish = NumberFormat.getIntegerInstance(Locale.forLanguageTag("da-DK"));
        long[] amounts = { 0, 1, -1, 999, -999, 1000, -1000, 12_345, 999_999, 1_000_000, -1_350_000, 123_456_789_012L,
            Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1 };
        for (long amount : amounts) {
            assertEquals(danish.format(amount) + " kr.", KronerText.format(amount), String.valueOf(amount));
        }
        assertEquals("-1.350.000 kr.", KronerText.format(-1_350_000));
    }

    @Test
    void exactAmountsWithTheirOreAfterADecimalComma() {
        assertEquals("-1.350.000 kr.", KronerText.format(new BigDecimal("-1350000.00")));
        assertEquals("1.850.000,5 kr.", KronerText.format(new BigDecimal("1850000.50")));
        assertEquals("-0,25 kr.", KronerText.format(new BigDecimal("-0.25")));
        assertEquals("0 kr.", KronerText.format(new BigDecimal("0E+3")));
        assertEquals("1.500.000 kr.", KronerText.format(new BigDecimal("1.5E+6")));
    }

    @Test
    void ratiosAsPercentagesWithDecimalComma() {
        assertEquals("93,12", KronerText.percent(new BigDecimal("0.93124")));
        assertEquals("100,00", KronerText.percent(BigDecimal.ONE));
        assertEquals("", KronerText.percent(null));
    }
}
