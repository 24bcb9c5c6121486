package dk.raaderum.platform.spreadsheet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A table written as an Excel workbook one row at a time (POI's streaming SXSSF: only a window of rows is held, so a
 * table of any length fits in little memory), in the way every export of the platform looks: a bold title and header,
 * whole kroner ({@code Long}) with thousands separators, decimals ({@code BigDecimal}) with two decimals, other
 * numbers plain, text as text, null as an empty cell. Texts are written inline (no shared-strings table), which is
 * also what {@link XlsxReader} reads fastest.
 *
 * <pre>
 * try (XlsxWriter xlsx = XlsxWriter.to(out, "Idéer")) {
 *     xlsx.header(List.of("Titel", "År 1 (kr.)"));
 *     xlsx.row("Videobesøg i hjemmeplejen", -1_500_000L);
 * }
 * </pre>
 */
public final class XlsxWriter implements AutoCloseable {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int ROWS_IN_MEMORY = 100;

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final Sheet sheet;
    private final CellStyle bold;
    private final CellStyle kroner;
    private final CellStyle boldKroner;
    private final CellStyle decimal;
    private int next;

    private XlsxWriter(OutputStream out, String sheetName) {
        this.out = out;
        this.sheet = workbook.createSheet(sheetName);
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
        kroner = workbook.createCellStyle();
        kroner.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        boldKroner = workbook.createCellStyle();
        boldKroner.cloneStyleFrom(kroner);
        boldKroner.setFont(font);
        decimal = workbook.createCellStyle();
        decimal.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
    }

    /** A workbook with one sheet, written to {@code out} when closed. */
    public static XlsxWriter to(OutputStream out, String sheetName) {
        return new XlsxWriter(out, sheetName);
    }

    /** A bold row of one text, e.g. what the table is and its price level. */
    public XlsxWriter title(String text) {
        return write(List.of(text), true);
    }

    /** The bold header row. */
    public XlsxWriter header(List<String> names) {
        return write(names, true);
    }

    public XlsxWriter row(Object... values) {
        return write(Arrays.asList(values), false);
    }

    public XlsxWriter row(List<?> values) {
        return write(values, false);
    }

    /** A bold row, e.g. a subtotal. */
    public XlsxWriter boldRow(List<?> values) {
        return write(values, true);
    }

    /** Keeps the first {@code columns} columns and {@code rows} rows in view while scrolling. */
    public XlsxWriter freeze(int columns, int rows) {
        sheet.createFreezePane(columns, rows);
        return this;
    }

    private XlsxWriter write(List<?> values, boolean emphasised) {
        Row row = sheet.createRow(next++);
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (value instanceof Long amount) {
                cell.setCellValue(amount);
                cell.setCellStyle(emphasised ? boldKroner : kroner);
            } else if (value instanceof BigDecimal number) {
                cell.setCellValue(number.doubleValue());
                cell.setCellStyle(decimal);
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
                if (emphasised) {
                    cell.setCellStyle(bold);
                }
            } else {
                cell.setCellValue(value.toString());
                if (emphasised) {
                    cell.setCellStyle(bold);
                }
            }
        }
        return this;
    }

    @Override
    public void close() {
        try {
            workbook.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException ignored) {
                // the temporary files are gone (dispose); nothing else to release
            }
        }
    }
}
