package dk.raaderum.proposal.service.export;

import dk.raaderum.platform.spreadsheet.XlsxReader;
import dk.raaderum.platform.web.http.CsvReader;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A catalog export read back (CSV or XLSX, also after Excel has saved it): the rows as a spreadsheet user numbers
 * them, the header row of {@link CatalogExport#header(List)} found and checked, and the proposal rows under it. The
 * title row above the header is skipped, and so are the area subtotal rows; reading stops at the grand total row
 * ({@value CatalogExport#TOTAL_LABEL} in the number or the title column), so whatever the export writes after it (a
 * definition note, an empty line) is never read as a proposal.
 */
public final class CatalogSheet {

    /** A file without any row, or without a header row. */
    public static final String RULE_IMPORT_EMPTY = "import-empty";
    /** A header row that is not the export's. */
    public static final String RULE_IMPORT_HEADER = "import-header";
    /** A file longer than any catalog. */
    public static final String RULE_IMPORT_SIZE = "import-size";
    /** More rows than an import takes; a catalog has a few hundred proposals. */
    public static final int MAX_ROWS = 10_000;

    public enum Format {
        CSV, XLSX
    }

    /** A non-blank row: its number as the spreadsheet shows it (from 1) and its cells from column A on. */
    public record SheetRow(int number, List<String> cells) {

        String cell(int column) {
            String cell = column < cells.size() ? cells.get(column) : null;
            return cell == null ? "" : cell.strip();
        }
    }

    /** A proposal row: its number in the sheet and its cells by the export's header names (stripped, "" if empty). */
    public record ProposalRow(int number, Map<String, String> cells) {

        public String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    private CatalogSheet() {
    }

    /** The file's non-blank rows; 400 {@code validation} for a file that cannot be read as its format. */
    public static List<SheetRow> read(Format format, Charset charset, InputStream body) {
        return format == Format.CSV ? csv(body, charset) : xlsx(body);
    }

    private static List<SheetRow> csv(InputStream body, Charset charset) {
        List<SheetRow> rows = new ArrayList<>();
        try (CsvReader csv = CsvReader.of(body, charset)) {
            int number = 0;
            for (List<String> cells = csv.next(); cells != null; cells = csv.next()) {
                add(rows, new SheetRow(++number, cells));
            }
        } catch (CsvReader.CsvException e) {
            throw ProblemException.validation("The file cannot be read as CSV: " + e.getMessage(), List.of());
        }
        return rows;
    }

    private static List<SheetRow> xlsx(InputStream body) {
        Path file = null;
        try {
            file = Files.createTempFile("proposal-import", ".xlsx");
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            if (Files.size(file) == 0) {
                return List.of();
            }
            List<SheetRow> rows = new ArrayList<>();
            XlsxReader.read(file, (number, cells) -> add(rows, new SheetRow(number, cells)));
            return rows;
        } catch (XlsxReader.XlsxException e) {
            throw ProblemException.validation(e.getMessage(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
    }

    private static void add(List<SheetRow> rows, SheetRow row) {
        if (row.cells().stream().allMatch(c -> c == null || c.isBlank())) {
            return;
        }
        if (rows.size() == MAX_ROWS) {
            throw ProblemException.ruleViolation(RULE_IMPORT_SIZE, "An import takes at most " + MAX_ROWS + " rows;"
                    + " row " + row.number() + " is one more");
        }
        rows.add(row);
    }

    private static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a temporary file; the operating system clears its temporary directory
        }
    }

    /**
     * The proposal rows under the header row, which is the first row with more than one cell (the title row above it
     * has one) and must hold exactly the export's columns for these catalog years, in any order: 422
     * {@value #RULE_IMPORT_HEADER} names the missing and unknown ones; 422 {@value #RULE_IMPORT_EMPTY} for a file
     * without rows or without a header.
     */
    public static List<ProposalRow> proposals(List<SheetRow> rows, List<Integer> years) {
        int headerAt = 0;
        while (headerAt < rows.size() && rows.get(headerAt).cells().stream().filter(c -> c != null && !c.isBlank())
                .count() < 2) {
            headerAt++;
        }
        if (headerAt == rows.size()) {
            throw ProblemException.ruleViolation(RULE_IMPORT_EMPTY, rows.isEmpty() ? "The file is empty"
                    : "The file has no header row; the export's is " + String.join(";", CatalogExport.header(years)));
        }
        Map<String, Integer> columns = columns(rows.get(headerAt), CatalogExport.header(years));
        List<ProposalRow> proposals = new ArrayList<>();
        for (SheetRow row : rows.subList(headerAt + 1, rows.size())) {
            String number = row.cell(columns.get(CatalogExport.NUMBER));
            String title = row.cell(columns.get(CatalogExport.TITLE));
            if (CatalogExport.TOTAL_LABEL.equalsIgnoreCase(number) || number.isEmpty()
                    && CatalogExport.TOTAL_LABEL.equalsIgnoreCase(title)) {
                break;
            }
            if (!subtotal(number.isEmpty() ? title : number)) {
                Map<String, String> cells = new HashMap<>();
                columns.forEach((name, column) -> cells.put(name, row.cell(column)));
                proposals.add(new ProposalRow(row.number(), cells));
            }
        }
        return proposals;
    }

    private static boolean subtotal(String first) {
        String prefix = CatalogExport.SUBTOTAL_LABEL + " ";
        return first.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** Each expected header's column; 422 unless the row holds exactly the expected headers. */
    private static Map<String, Integer> columns(SheetRow header, List<String> expected) {
        Map<String, String> byKey = new LinkedHashMap<>();
        expected.forEach(name -> byKey.put(key(name), name));
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cell(i);
            String known = byKey.get(key(name));
            if (name.isEmpty()) {
                continue;
            } else if (known == null) {
                errors.add(new FieldError(name, "unknown column (row " + header.number() + ", column " + (i + 1) + ")"));
            } else if (columns.putIfAbsent(known, i) != null) {
                errors.add(new FieldError(name, "the column is there twice (row " + header.number() + ")"));
            }
        }
        expected.stream().filter(name -> !columns.containsKey(name))
                .forEach(name -> errors.add(new FieldError(name, "missing column")));
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_IMPORT_HEADER, "Row " + header.number() + " must be the export's"
                    + " header: " + String.join(";", expected) + ". " + errors.get(0).field() + ": "
                    + errors.get(0).message(), errors).with("expectedHeaders", expected);
        }
        return columns;
    }

    private static String key(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }
}
