package dk.raaderum.proposal.service.export;

import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.proposal.domain.ProposalStatus;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A catalog as a table with Danish headers, one row per proposal grouped by policy area, a subtotal row per area and
 * a totals row. Written as XLSX (Apache POI, streaming) or CSV (Danish Excel dialect). Amounts are whole kroner, the
 * change in operating expenses (negative creates room).
 */
public record CatalogExport(String title, int priceLevelYear, List<Integer> years, List<AreaBlock> areas) {

    static final Map<ProposalStatus, String> STATUS_DA = Map.of(
            ProposalStatus.DRAFT, "Kladde",
            ProposalStatus.SUBMITTED, "Indsendt",
            ProposalStatus.QUALIFIED, "Kvalificeret",
            ProposalStatus.PRESENTED, "Fremlagt",
            ProposalStatus.ADOPTED, "Vedtaget",
            ProposalStatus.REJECTED, "Forkastet",
            ProposalStatus.WITHDRAWN, "Trukket tilbage");

    public record Line(String number, String title, String type, String status, String origin, String uncertainty,
            List<Long> amounts, long total, Integer paybackYear, String serviceConsequences, String rationale) {
    }

    public record AreaBlock(String code, String name, String committee, int mainAccount, List<Line> lines) {

        long[] sums(int years) {
            long[] sums = new long[years + 1];
            for (Line line : lines) {
                for (int i = 0; i < years; i++) {
                    sums[i] += line.amounts().get(i);
                }
                sums[years] += line.total();
            }
            return sums;
        }
    }

    List<String> header() {
        List<String> header = new ArrayList<>(List.of("Nummer", "Titel", "Type", "Politikområde", "Udvalg", "Hovedkonto",
                "Status", "Oprindelse", "Usikkerhed"));
        years.forEach(year -> header.add(Integer.toString(year)));
        header.addAll(List.of("I alt", "Tilbagebetalt år", "Servicekonsekvenser", "Begrundelse for type"));
        return header;
    }

    private int firstAmountColumn() {
        return 9;
    }

    public void writeCsv(OutputStream stream) {
        try (CsvWriter csv = CsvWriter.to(stream)) {
            csv.row(List.of(title + " (kr., " + priceLevelYear + "-priser; negativ = råderum)"));
            csv.row(header());
            long[] grand = new long[years.size() + 1];
            for (AreaBlock area : areas) {
                for (Line line : area.lines()) {
                    List<Object> row = new ArrayList<>(List.of(line.number(), line.title(), line.type(), area.name(),
                            area.committee(), area.mainAccount(), line.status(), line.origin(), line.uncertainty()));
                    row.addAll(line.amounts());
                    row.add(line.total());
                    row.add(line.paybackYear());
                    row.add(line.serviceConsequences());
                    row.add(line.rationale());
                    csv.row(row);
                }
                long[] sums = area.sums(years.size());
                csv.row(totalsRow("Subtotal " + area.code() + " " + area.name(), sums));
                for (int i = 0; i < sums.length; i++) {
                    grand[i] += sums[i];
                }
            }
            csv.row(totalsRow("I alt", grand));
        }
    }

    private List<Object> totalsRow(String label, long[] sums) {
        List<Object> row = new ArrayList<>();
        row.add(label);
        for (int i = 1; i < firstAmountColumn(); i++) {
            row.add(null);
        }
        for (long sum : sums) {
            row.add(sum);
        }
        return row;
    }

    public void writeXlsx(OutputStream stream) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("Katalog");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle boldStyle = workbook.createCellStyle();
            boldStyle.setFont(bold);
            CellStyle amount = workbook.createCellStyle();
            amount.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            CellStyle boldAmount = workbook.createCellStyle();
            boldAmount.cloneStyleFrom(amount);
            boldAmount.setFont(bold);

            int r = 0;
            Row titleRow = sheet.createRow(r++);
            text(titleRow, 0, title + " (kr., " + priceLevelYear + "-priser; negativ = råderum)", boldStyle);
            Row headerRow = sheet.createRow(r++);
            List<String> header = header();
            for (int c = 0; c < header.size(); c++) {
                text(headerRow, c, header.get(c), boldStyle);
            }
            long[] grand = new long[years.size() + 1];
            for (AreaBlock area : areas) {
                for (Line line : area.lines()) {
                    Row row = sheet.createRow(r++);
                    int c = 0;
                    text(row, c++, line.number(), null);
                    text(row, c++, line.title(), null);
                    text(row, c++, line.type(), null);
                    text(row, c++, area.name(), null);
                    text(row, c++, area.committee(), null);
                    number(row, c++, area.mainAccount(), null);
                    text(row, c++, line.status(), null);
                    text(row, c++, line.origin(), null);
                    text(row, c++, line.uncertainty(), null);
                    for (long value : line.amounts()) {
                        number(row, c++, value, amount);
                    }
                    number(row, c++, line.total(), amount);
                    if (line.paybackYear() != null) {
                        number(row, c, line.paybackYear(), null);
                    }
                    c++;
                    text(row, c++, line.serviceConsequences(), null);
                    text(row, c, line.rationale(), null);
                }
                long[] sums = area.sums(years.size());
                totals(sheet.createRow(r++), "Subtotal " + area.code() + " " + area.name(), sums, boldStyle, boldAmount);
                for (int i = 0; i < sums.length; i++) {
                    grand[i] += sums[i];
                }
            }
            totals(sheet.createRow(r), "I alt", grand, boldStyle, boldAmount);
            sheet.createFreezePane(2, 2);
            workbook.write(stream);
            workbook.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void totals(Row row, String label, long[] sums, CellStyle label_, CellStyle amount) {
        text(row, 0, label, label_);
        for (int i = 0; i < sums.length; i++) {
            number(row, firstAmountColumn() + i, sums[i], amount);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
