package dk.raaderum.proposal.service.export;

import dk.raaderum.platform.spreadsheet.XlsxWriter;
import dk.raaderum.platform.web.http.CsvWriter;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A catalog as a table with Danish headers, one row per proposal grouped by policy area, a subtotal row per area and
 * a totals row, then one note row saying what the totals count ({@code counted}, the {@link
 * dk.raaderum.proposal.domain.TotalScope}'s words). The note comes after the totals row, so a reader of the table
 * that stops at "I alt" never meets it. Written as XLSX (platform/spreadsheet, streaming) or CSV (Danish Excel
 * dialect). Amounts are whole kroner, the change in operating expenses (negative creates room).
 */
public record CatalogExport(String title, int priceLevelYear, List<Integer> years, List<AreaBlock> areas,
        String counted) {

    /** The first words of the note row under the totals (its first cell), then what is counted. */
    static final String NOTE_PREFIX = "Bemærk: subtotaler og I alt omfatter ";

    /** The label in the first column of the grand total row; nothing after that row is a proposal. */
    public static final String TOTAL_LABEL = "I alt";
    /** The first word of an area's subtotal row, in its first column. */
    public static final String SUBTOTAL_LABEL = "Subtotal";
    public static final String NUMBER = "Nummer";
    public static final String TITLE = "Titel";
    public static final String TYPE = "Type";
    public static final String AREA = "Politikområde";
    public static final String COMMITTEE = "Udvalg";
    public static final String MAIN_ACCOUNT = "Hovedkonto";
    public static final String STATUS = "Status";
    public static final String ORIGIN = "Oprindelse";
    public static final String UNCERTAINTY = "Usikkerhed";
    public static final String TOTAL = "I alt";
    public static final String PAYBACK_YEAR = "Tilbagebetalt år";
    public static final String CONSEQUENCES = "Servicekonsekvenser";
    public static final String RATIONALE = "Begrundelse for type";
    /** The proposal's version when exported: an import that changes the row names it (optimistic locking). */
    public static final String VERSION = "Version";

    public record Line(String number, String title, String type, String status, String origin, String uncertainty,
            List<Long> amounts, long total, Integer paybackYear, String serviceConsequences, String rationale,
            long version) {
    }

    public record AreaBlock(String code, String name, String committee, int mainAccount, List<Line> lines) {

        long[] sums(int years) {
            long[] sums = new long[years + 1];
            for (Line line : lines) {
                for (int i = 0; i < years; i++) {
                    sums[i] = Math.addExact(sums[i], line.amounts().get(i));
                }
                sums[years] += line.total();
            }
            return sums;
        }
    }

    List<String> header() {
        return header(years);
    }

    /** The header row of a catalog with these four years; an import expects exactly these columns. */
    public static List<String> header(List<Integer> years) {
        List<String> header = new ArrayList<>(List.of(NUMBER, TITLE, TYPE, AREA, COMMITTEE, MAIN_ACCOUNT, STATUS, ORIGIN,
                UNCERTAINTY));
        years.forEach(year -> header.add(Integer.toString(year)));
        header.addAll(List.of(TOTAL, PAYBACK_YEAR, CONSEQUENCES, RATIONALE, VERSION));
        return header;
    }

    private int firstAmountColumn() {
        return 9;
    }

    private String heading() {
        return title + " (kr., " + priceLevelYear + "-priser; negativ = råderum)";
    }

    public void writeCsv(OutputStream stream) {
        try (CsvWriter csv = CsvWriter.to(stream)) {
            csv.row(List.of(heading()));
            csv.row(header());
            rows(csv::row, csv::row);
        }
    }

    public void writeXlsx(OutputStream stream) {
        try (XlsxWriter xlsx = XlsxWriter.to(stream, "Katalog")) {
            xlsx.title(heading());
            xlsx.header(header());
            rows(xlsx::row, xlsx::boldRow);
            xlsx.freeze(2, 2);
        }
    }

    /** One row per proposal, a subtotal per area and the grand total, in order. */
    private void rows(Consumer<List<?>> line, Consumer<List<?>> total) {
        long[] grand = new long[years.size() + 1];
        for (AreaBlock area : areas) {
            for (Line l : area.lines()) {
                List<Object> row = new ArrayList<>(List.of(l.number(), l.title(), l.type(), area.name(), area.committee(),
                        area.mainAccount(), l.status(), l.origin(), l.uncertainty()));
                row.addAll(l.amounts());
                row.add(l.total());
                row.add(l.paybackYear());
                row.add(l.serviceConsequences());
                row.add(l.rationale());
                row.add(l.version());
                line.accept(row);
            }
            long[] sums = area.sums(years.size());
            total.accept(totalsRow(SUBTOTAL_LABEL + " " + area.code() + " " + area.name(), sums));
            for (int i = 0; i < sums.length; i++) {
                grand[i] += sums[i];
            }
        }
        total.accept(totalsRow(TOTAL_LABEL, grand));
        line.accept(List.of(NOTE_PREFIX + counted));
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
}
