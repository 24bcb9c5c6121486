package dk.raaderum.platform.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetAmountsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "-1500000|-1500000", "-1.500.000|-1500000", "-1.500.000,00|-1500000",
            "-1 500 000|-1500000", "1500000.0|1500000", "+12|12", "0|0", "1.500|1500", "−25.000|-25000",
            "1000000000000|1000000000000", "-1.000.000.000.000|-1000000000000" })
    void readsWholeKronerAsSpreadsheetsWriteThem(String cell, long expected) {
        assertEquals(expected, SpreadsheetAmounts.wholeKroner(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = { "-1500,5", "1.5", "-1.500.000,25", "2.5" })
    void aFractionOfAKroneIsRefused(String cell) {
        assertTrue(assertThrows(SpreadsheetAmounts.NotWholeKroner.class, () -> SpreadsheetAmounts.wholeKroner(cell))
                .getMessage().contains("fraction of a krone"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "mange", "1,500,000", "1.50.000", "12kr", "--1", "1e6" })
    void otherTextIsRefused(String cell) {
        assertTrue(assertThrows(SpreadsheetAmounts.NotWholeKroner.class, () -> SpreadsheetAmounts.wholeKroner(cell))
                .getMessage().contains("not an amount in whole kroner"));
    }

    @Test
    void anAmountBeyondThePlatformBoundIsRefused() {
        assertTrue(assertThrows(SpreadsheetAmounts.NotWholeKroner.class,
                () -> SpreadsheetAmounts.wholeKroner("1000000000001")).getMessage().contains("beyond the bound"));
        assertTrue(assertThrows(SpreadsheetAmounts.NotWholeKroner.class,
                () -> SpreadsheetAmounts.wholeKroner("99999999999999999999999")).getMessage().contains("beyond the bound"));
    }
}
