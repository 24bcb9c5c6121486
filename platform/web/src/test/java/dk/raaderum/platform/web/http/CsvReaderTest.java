package dk.raaderum.platform.web.http;

import dk.raaderum.platform.text.ControlCharacters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** CSV as Danish Excel writes it, and as CsvWriter writes it, read back record by record. */
class CsvReaderTest {

    private static List<List<String>> readAll(String text) {
        return CsvReader.readAll(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsBackWhatCsvWriterWrote() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter csv = CsvWriter.to(out)) {
            csv.row("Titel", "Beskrivelse", "Beløb");
            csv.row("Videobesøg; fase 2", "Linje et\nlinje \"to\"", -1_500_000L);
            csv.row("Ærø", null, "");
        }
        assertEquals(List.of(List.of("Titel", "Beskrivelse", "Beløb"),
                List.of("Videobesøg; fase 2", "Linje et\nlinje \"to\"", "-1500000"),
                List.of("Ærø", "", "")), CsvReader.readAll(out.toByteArray()));
    }

    @Test
    void findsTheSeparatorOnTheFirstLine() {
        assertEquals(List.of(List.of("a", "b"), List.of("1", "2,5")), readAll("a;b\n1;2,5\n"));
        assertEquals(List.of(List.of("a", "b"), List.of("1", "2;5")), readAll("a\tb\r\n1\t2;5\r\n"));
        assertEquals(List.of(List.of("a", "b"), List.of("1", "2")), readAll("a,b\n1,2"));
        assertEquals(List.of(List.of("enkelt"), List.of("x")), readAll("enkelt\nx\n"));
    }

    @Test
    void knowsTheLineEachRecordStartsOn() {
        try (CsvReader reader = CsvReader.of(new ByteArrayInputStream(
                "h1;h2\r\n\"to\r\nlinjer\";x\r\nsidste;y\r\n".getBytes(StandardCharsets.UTF_8)))) {
            reader.next();
            assertEquals(1, reader.recordLine());
            assertEquals(List.of("to\r\nlinjer", "x"), reader.next());
            assertEquals(2, reader.recordLine());
            assertEquals(List.of("sidste", "y"), reader.next());
            assertEquals(4, reader.recordLine());
            assertNull(reader.next());
        }
    }

    @Test
    void keepsEmptyFieldsAndAQuoteInsideAnUnquotedField() {
        assertEquals(List.of(List.of("a", "b", "c"), List.of("", "5\" skærm", "")), readAll("a;b;c\n;5\" skærm;\n"));
    }

    @Test
    void anUnclosedQuoteIsAnErrorWithItsLine() {
        CsvReader.CsvException e = assertThrows(CsvReader.CsvException.class, () -> readAll("a;b\n1;2\n\"aldrig lukket;3\n"));
        assertEquals(3, e.line());
    }

    @Test
    void aControlCharacterInACellIsAnErrorWithItsLineAndColumn() {
        CsvReader.CsvException nul = assertThrows(CsvReader.CsvException.class,
                () -> readAll("titel;beløb\nDigi\u0000tal brev;1\n"));
        assertEquals(2, nul.line());
        assertEquals("Line 2, column 1: " + ControlCharacters.MESSAGE, nul.getMessage());
        assertEquals("Line 3, column 2: " + ControlCharacters.MESSAGE, assertThrows(CsvReader.CsvException.class,
                () -> readAll("a;b\nx;y\nz;\"bel\u0007\"\n")).getMessage());
        assertThrows(CsvReader.CsvException.class, () -> readAll("a;b\nx;\u202Eevil\n"));
        // tab, line feed and carriage return inside a quoted cell are text
        assertEquals(List.of(List.of("a"), List.of("to\tfelter\r\nlinjer")), readAll("a\n\"to\tfelter\r\nlinjer\"\n"));
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorUnlessTheirCharsetIsNamed() {
        byte[] windows = "a;b\nÆrø;1\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThrows(CsvReader.CsvException.class, () -> CsvReader.readAll(windows));
        try (CsvReader reader = CsvReader.of(new ByteArrayInputStream(windows), java.nio.charset.Charset.forName(
                "windows-1252"))) {
            reader.next();
            assertEquals(List.of("Ærø", "1"), reader.next());
        }
    }

    @Test
    void aQuotedHeaderCellMaySpanLines() {
        assertEquals(List.of(List.of("kode", "navn\nlang", "år"), List.of("ÆLD", "Ældre", "2027")),
                readAll("kode;\"navn\nlang\";år\nÆLD;Ældre;2027\n"));
        assertEquals(List.of(List.of("a", "b\nc"), List.of("1", "2")), readAll("a,\"b\nc\"\n1,2\n"));
    }

    @Test
    void spacesBeforeAnOpeningQuoteAreDropped() {
        assertEquals(List.of(List.of("kode", " navn"), List.of("DAG", "Dagtilbud, 0-5 år"), List.of("x", " y \"z\"")),
                readAll("kode, navn\nDAG, \"Dagtilbud, 0-5 år\"\nx, y \"z\"\n"));
    }

    @Test
    void readsTextAlreadyDecodedWithItsLinesAndWithoutTheNeutralisingQuote() {
        try (CsvReader reader = CsvReader.of(new java.io.StringReader(
                "\uFEFFnavn;beløb\r\n\"'=Ældre\";1\r\n\"'-Administration\";2\r\n'=ikke citeret;3\r\n"))) {
            assertEquals(List.of("navn", "beløb"), reader.next());
            assertEquals(List.of("=Ældre", "1"), reader.next());
            assertEquals(List.of("-Administration", "2"), reader.next());
            assertEquals(List.of("'=ikke citeret", "3"), reader.next());
            assertEquals(4, reader.recordLine());
            assertNull(reader.next());
        }
    }
}
