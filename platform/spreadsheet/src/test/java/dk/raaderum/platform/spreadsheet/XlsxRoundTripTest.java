package dk.raaderum.platform.spreadsheet;

import dk.raaderum.platform.text.ControlCharacters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What XlsxWriter writes, XlsxReader reads back: texts, whole kroner, decimals and empty cells, row by row. */
class XlsxRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void rowsComeBackAsPlainTextCellsWithTheirRowNumbers() throws IOException {
        Path file = dir.resolve("idéer.xlsx");
        try (OutputStream out = Files.newOutputStream(file); XlsxWriter xlsx = XlsxWriter.to(out, "Idéer")) {
            xlsx.title("Idébanken (kr., 2024-priser)");
            xlsx.header(List.of("Titel", "År 1 (kr.)", "Årsværk", "Hovedkonto", "Note"));
            xlsx.row("Videobesøg i hjemmeplejen på Ærø", -1_500_000L, new BigDecimal("-2.5"), 5, null);
            xlsx.row("Ældrepleje", null, null, null, "sidste celle");
            xlsx.boldRow(List.of("I alt", -1_500_000L));
            xlsx.freeze(1, 2);
        }
        List<String> read = new ArrayList<>();
        XlsxReader.read(file, (number, cells) -> read.add(number + ": " + cells));
        assertEquals(List.of(
                "1: [Idébanken (kr., 2024-priser)]",
                "2: [Titel, År 1 (kr.), Årsværk, Hovedkonto, Note]",
                "3: [Videobesøg i hjemmeplejen på Ærø, -1500000, -2.5, 5]",
                "4: [Ældrepleje, null, null, null, sidste celle]",
                "5: [I alt, -1500000]"), read);
    }

    @Test
    void manyRowsStreamThrough() throws IOException {
        Path file = dir.resolve("mange.xlsx");
        try (OutputStream out = Files.newOutputStream(file); XlsxWriter xlsx = XlsxWriter.to(out, "Data")) {
            for (long i = 0; i < 20_000; i++) {
                xlsx.row("række " + i, i * 1000);
            }
        }
        long[] sum = { 0, 0 };
        XlsxReader.read(file, (number, cells) -> {
            sum[0]++;
            sum[1] += Long.parseLong(cells.get(1));
        });
        assertEquals(Arrays.toString(new long[] { 20_000, 1000L * 19_999 * 20_000 / 2 }), Arrays.toString(sum));
    }

    @Test
    void aCellWithAControlCharacterIsRefusedByItsReference() throws IOException {
        Path file = dir.resolve("styret.xlsx");
        try (OutputStream out = Files.newOutputStream(file); XlsxWriter xlsx = XlsxWriter.to(out, "Data")) {
            xlsx.row("Titel", "Beløb");
            xlsx.row("Fælles print", -250_000L, "\u202Etnirp");
        }
        XlsxReader.XlsxException e = assertThrows(XlsxReader.XlsxException.class,
                () -> XlsxReader.read(file, (n, cells) -> { }));
        assertEquals("Cell C2: " + ControlCharacters.MESSAGE, e.getMessage());
    }

    @Test
    void aFileThatIsNoWorkbookIsRefusedClearly() throws IOException {
        Path file = dir.resolve("ikke.xlsx");
        Files.writeString(file, "Titel;Type\nx;y\n", StandardCharsets.UTF_8);
        assertThrows(XlsxReader.XlsxException.class, () -> XlsxReader.read(file, (n, cells) -> { }));
    }
}
