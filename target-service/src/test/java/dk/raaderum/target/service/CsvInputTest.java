package dk.raaderum.target.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.web.problem.ProblemException;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

/** The records of an import as the platform's CsvReader reads them, and the values of Danish spreadsheets. */
class CsvInputTest {

    @Test
    void recordsKeepTheLineTheyStartOnAndBlankLinesAreLeftOut() {
        List<CsvInput.Line> lines = CsvInput.parse("\uFEFFnavn;beløb\r\n\r\n\"to\nlinjer\";1\r\n;\r\n\"'=Ældre\";2\r\n");
        assertEquals(List.of(new CsvInput.Line(1, List.of("navn", "beløb")),
                new CsvInput.Line(3, List.of("to\nlinjer", "1")), new CsvInput.Line(6, List.of("=Ældre", "2"))), lines);
    }

    @Test
    void anEmptyFileAndAnUnclosedQuoteAreProblemsWithTheirRules() {
        assertEquals(CsvInput.RULE_EMPTY, rule(() -> CsvInput.parse(" \r\n")));
        assertEquals(CsvInput.RULE_EMPTY, rule(() -> CsvInput.parse(";;\n;\n")));
        ProblemException unclosed = assertThrows(ProblemException.class, () -> CsvInput.parse("a;b\n\n1;\"2\n3;4\n"));
        assertEquals(CsvInput.RULE_FORMAT, unclosed.properties().get("rule"));
        assertEquals("line 3", unclosed.errors().get(0).field());
    }

    @Test
    void wholeKronerInDanishNotationWithinTheBoundOfEveryAmount() {
        assertEquals(Optional.of(1_234_567L), CsvInput.wholeKroner("1.234.567"));
        assertEquals(Optional.of(1_234_567L), CsvInput.wholeKroner("1234567,00"));
        assertEquals(Optional.of(-25_000L), CsvInput.wholeKroner("-25 000"));
        assertEquals(Optional.of(YearAmount.MAX_ABS), CsvInput.wholeKroner(String.valueOf(YearAmount.MAX_ABS)));
        assertEquals(Optional.of(-YearAmount.MAX_ABS), CsvInput.wholeKroner("-1.000.000.000.000"));
        assertEquals(Optional.empty(), CsvInput.wholeKroner("1.000.000.000.001"));
        assertEquals(Optional.empty(), CsvInput.wholeKroner("99999999999999999999"));
        assertEquals(Optional.empty(), CsvInput.wholeKroner("12,5"));
        assertEquals(Optional.empty(), CsvInput.wholeKroner("1.23"));
    }

    @Test
    void headerAliasesIgnoreCaseSpacesDashesAndUnderscores() {
        var header = CsvInput.header(new CsvInput.Line(1, List.of("Område-kode", " Main_Account ")));
        assertEquals(Optional.of(0), CsvInput.column(header, "kode", "områdekode"));
        assertEquals(Optional.of(1), CsvInput.column(header, "hovedkonto", "mainAccount"));
        assertEquals(Optional.empty(), CsvInput.column(header, "udvalg"));
    }

    private static String rule(Runnable parse) {
        ProblemException e = assertThrows(ProblemException.class, parse::run);
        return String.valueOf(e.properties().get("rule"));
    }
}
