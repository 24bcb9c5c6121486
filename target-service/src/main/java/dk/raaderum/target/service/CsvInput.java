package dk.raaderum.target.service;

import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.web.http.CsvReader;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What target-service's CSV imports make of a file: the records, read by the platform's {@link CsvReader} (its dialect:
 * {@code ;}, {@code ,} or tab, quotes, a byte-order mark, and a cell that {@code CsvWriter} neutralised read back
 * without its {@code '}), each with the line it starts on so problems can name it, blank lines left out; then header
 * aliases and the values of Danish spreadsheets (whole kroner, decimal commas).
 */
final class CsvInput {

    static final String RULE_EMPTY = "csv-empty";
    static final String RULE_FORMAT = "csv-format";
    static final String RULE_HEADER = "csv-header";
    private static final Pattern PLAIN = Pattern.compile("-?\\d+");
    private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+");
    private static final Pattern ZERO_DECIMALS = Pattern.compile(",0+$");

    private CsvInput() {
    }

    /** One record of the file: its (1-based) line number and fields. */
    record Line(int number, List<String> fields) {

        String field(int column) {
            return column < fields.size() ? fields.get(column).strip() : "";
        }
    }

    /** The file's non-blank records; 422 {@code csv-empty} without any, {@code csv-format} for a quote never closed. */
    static List<Line> parse(String text) {
        if (text == null || text.isBlank()) {
            throw empty();
        }
        List<Line> lines = new ArrayList<>();
        try (CsvReader csv = CsvReader.of(new StringReader(text))) {
            for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
                if (!fields.stream().allMatch(String::isBlank)) {
                    lines.add(new Line(csv.recordLine(), List.copyOf(fields)));
                }
            }
        } catch (CsvReader.CsvException unreadable) {
            // text is already decoded: a quote never closed, or a control character in a cell
            throw ProblemException.ruleViolation(RULE_FORMAT, unreadable.getMessage(),
                    List.of(new FieldError("line " + unreadable.line(), unreadable.getMessage())));
        }
        if (lines.isEmpty()) {
            throw empty();
        }
        return lines;
    }

    private static ProblemException empty() {
        return ProblemException.ruleViolation(RULE_EMPTY, "The CSV file is empty");
    }

    /** The header's columns by normalised name (lower case, no spaces, dashes or underscores). */
    static Map<String, Integer> header(Line header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = normalise(header.fields().get(i));
            if (columns.putIfAbsent(name, i) != null && !name.isEmpty()) {
                throw ProblemException.ruleViolation(RULE_HEADER, "Line 1 names the column '"
                        + header.fields().get(i).strip() + "' twice", List.of(new FieldError("line " + header.number(),
                                "column '" + header.fields().get(i).strip() + "' is named twice; which one counts?")));
            }
        }
        return columns;
    }

    /** The column of the first alias present in the header. */
    static Optional<Integer> column(Map<String, Integer> header, String... aliases) {
        for (String alias : aliases) {
            Integer column = header.get(normalise(alias));
            if (column != null) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
    }

    /**
     * Whole kroner as Danish spreadsheets write them: {@code 1234567}, {@code 1.234.567}, {@code -25000},
     * {@code 1234567,00}; spaces are ignored. Empty when it is none of these, or beyond the bound of every amount.
     */
    static Optional<Long> wholeKroner(String text) {
        String value = ZERO_DECIMALS.matcher(text.replace(" ", "").replace("\u00A0", "")).replaceFirst("");
        try {
            if (PLAIN.matcher(value).matches()) {
                return bounded(Long.parseLong(value));
            }
            if (THOUSANDS.matcher(value).matches()) {
                return bounded(Long.parseLong(value.replace(".", "")));
            }
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Within the platform's bound for any amount ({@link YearAmount#MAX_ABS}); empty beyond it. */
    private static Optional<Long> bounded(long amount) {
        return YearAmount.withinBound(amount) ? Optional.of(amount) : Optional.empty();
    }

    /** A decimal with {@code ,} or {@code .} as the decimal mark (no thousands separators): {@code 1234,5}. */
    static Optional<BigDecimal> decimal(String text) {
        String value = text.replace(" ", "").replace("\u00A0", "").replace(',', '.');
        if (!value.matches("-?\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value));
    }
}
