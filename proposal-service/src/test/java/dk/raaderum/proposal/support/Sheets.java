package dk.raaderum.proposal.support;

import static io.restassured.RestAssured.given;

import dk.raaderum.platform.testing.Csv;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Catalog exports as tests get them, edit them and give them back the way Excel saves them. */
public final class Sheets {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The export's columns that hold numbers (Hovedkonto, the four years, I alt, Tilbagebetalt år, Version). */
    private static final Set<Integer> NUMBER_COLUMNS = Set.of(5, 9, 10, 11, 12, 13, 14, 17);
    private static final Set<Integer> AMOUNT_COLUMNS = Set.of(9, 10, 11, 12, 13);

    private Sheets() {
    }

    public static byte[] export(String municipality, long catalogId, String format) {
        return Api.as(Users.financeOfficer(municipality))
                .get(Api.base(municipality) + "/catalogs/" + catalogId + "/export." + format).then().statusCode(200)
                .extract().asByteArray();
    }

    /** The export's CSV rows (without the byte-order mark). */
    public static List<List<String>> rows(byte[] csv) {
        return Csv.parse(csv);
    }

    /** POSTs the file to the import, as the municipality's finance officer, with exactly this Content-Type. */
    public static ValidatableResponse importFile(String municipality, long catalogId, byte[] file, String contentType,
            String query) {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(Users.financeOfficer(municipality)).contentType(contentType).body(file)
                .post(Api.base(municipality) + "/catalogs/" + catalogId + "/proposals/import" + query).then();
    }

    /** Rows as a CSV in the platform's dialect (BOM, ';', CRLF), cells quoted when needed. */
    public static byte[] csv(List<List<String>> rows) {
        String text = rows.stream().map(row -> row.stream().map(Sheets::quoted).collect(Collectors.joining(";")))
                .collect(Collectors.joining("\r\n", "\uFEFF", "\r\n"));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Rows as Danish Excel saves a CSV ("CSV UTF-8 (kommasepareret)"): a byte-order mark, ';', CRLF, every row
     * padded to the header's width, amounts shown with thousands dots ({@code -1.500.000}).
     */
    public static byte[] excelCsv(List<List<String>> rows) {
        int width = rows.get(1).size();
        List<List<String>> padded = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = new ArrayList<>(rows.get(r));
            while (row.size() < width) {
                row.add("");
            }
            if (r >= 2) {
                for (int c : AMOUNT_COLUMNS) {
                    if (c < row.size() && row.get(c).matches("-?\\d+")) {
                        row.set(c, thousands(Long.parseLong(row.get(c))));
                    }
                }
            }
            padded.add(row);
        }
        return csv(padded);
    }

    private static String quoted(String cell) {
        return cell.contains(";") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** {@code -1500000 → "-1.500.000"}, as Danish Excel shows a number with thousands separators. */
    public static String thousands(long amount) {
        return String.format(java.util.Locale.forLanguageTag("da-DK"), "%,d", amount).replace('\u00A0', '.');
    }

    /**
     * Rows as Excel writes a workbook: shared strings (XSSFWorkbook's default), numbers as numeric cells with a
     * thousands format, and below the total row a note with a date cell.
     */
    public static byte[] xlsx(List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Katalog");
            CellStyle kroner = workbook.createCellStyle();
            kroner.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd-mm-yyyy"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    if (value.isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (r >= 2 && NUMBER_COLUMNS.contains(c) && value.matches("-?\\d+")) {
                        cell.setCellValue(Double.parseDouble(value));
                        cell.setCellStyle(kroner);
                    } else {
                        cell.setCellValue(value);
                    }
                }
            }
            Row note = sheet.createRow(rows.size() + 1);
            note.createCell(0).setCellValue("Udskrevet");
            Cell printed = note.createCell(1);
            printed.setCellValue(LocalDate.of(2026, 9, 1));
            printed.setCellStyle(date);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row number (from 1, as the spreadsheet shows it) of the proposal with this number. */
    public static int rowOf(List<List<String>> rows, String number) {
        for (int r = 0; r < rows.size(); r++) {
            if (!rows.get(r).isEmpty() && rows.get(r).get(0).equals(number)) {
                return r + 1;
            }
        }
        throw new AssertionError("no row " + number);
    }

    /** A copy of the rows with one cell changed in the row whose first cell is {@code number}. */
    public static List<List<String>> edit(List<List<String>> rows, String number, String column, String value) {
        int c = rows.get(1).indexOf(column);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> changed = new ArrayList<>(row);
            if (!row.isEmpty() && row.get(0).equals(number)) {
                changed.set(c, value);
            }
            copy.add(changed);
        }
        return copy;
    }

    /** A copy of the rows with {@code row} inserted right after the header row. */
    public static List<List<String>> withRow(List<List<String>> rows, List<String> row) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.add(2, row);
        return copy;
    }
}
