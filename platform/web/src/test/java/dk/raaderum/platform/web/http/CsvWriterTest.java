package dk.raaderum.platform.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Cells that a spreadsheet would run as formulas are neutralised (OWASP); numbers stay numbers. */
class CsvWriterTest {

    private static String written(Object... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter csv = CsvWriter.to(out)) {
            csv.row(fields);
        }
        byte[] bytes = out.toByteArray();
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    @Test
    void formulaCellsGetAQuoteInFrontAndAreQuoted() {
        assertEquals("\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"Klik\"\")\"\r\n",
                written("=HYPERLINK(\"http://evil.example\";\"Klik\")"));
        assertEquals("\"'+1+cmd|' /C calc'!A0\"\r\n", written("+1+cmd|' /C calc'!A0"));
        assertEquals("\"'-2+3\"\r\n", written("-2+3"));
        assertEquals("\"'@SUM(A1:A9)\"\r\n", written("@SUM(A1:A9)"));
        assertEquals("\"'\t=1\"\r\n", written("\t=1"));
        assertEquals("\"'\r=1\"\r\n", written("\r=1"));
        assertEquals("\"'-10 % på vikarer\"\r\n", written("-10 % på vikarer"));
    }

    @Test
    void aFormulaAfterASeparatorStaysInsideItsQuotedCell() {
        assertEquals("Titel;\"'=1;=2\"\r\n", written("Titel", "=1;=2"));
    }

    @Test
    void negativeAmountsAndDecimalsStayNumbers() {
        assertEquals("-1500;-1500;+12;-12,5;-0.5;0\r\n",
                written(-1500L, "-1500", "+12", CsvWriter.decimal(new BigDecimal("-12.5")), "-0.5", 0));
    }

    @Test
    void ordinaryTextIsUnchanged() {
        assertEquals("Videobesøg;a=b;e-mail@kommune.dk;\r\n", written("Videobesøg", "a=b", "e-mail@kommune.dk", null));
    }

    @Test
    void csvReaderReadsBackExactlyWhatWasNeutralised() {
        List<String> cells = List.of("=1+1", "-10 % på vikarer", "'=already quoted", "@x", "-1500", "'plain");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter csv = CsvWriter.to(out)) {
            csv.row(cells);
        }
        List<List<String>> records = new ArrayList<>();
        try (CsvReader reader = CsvReader.of(new ByteArrayInputStream(out.toByteArray()))) {
            for (List<String> record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }
        assertEquals(List.of(cells), records);
    }
}
