package dk.raaderum.target.service;

import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads CSV as Danish Excel writes it: UTF-8 (a byte-order mark is skipped), {@code ;} between fields ({@code ,} or a
 * tab when the header has no {@code ;}), fields in double quotes when they hold a separator, quote or line break.
 * Every record keeps the line number it starts on, so problems can name it.
 */
final class CsvInput {

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

    static List<Line> parse(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.ruleViolation("csv-empty", "The CSV file is empty");
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        char separator = separator(body);
        List<Line> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordStart = 1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < body.length() && body.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                add(lines, recordStart, fields);
                fields = new ArrayList<>();
                line++;
                recordStart = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw ProblemException.ruleViolation("csv-format", "Line " + recordStart + " opens a quote that is never closed",
                    List.of(new FieldError("line " + recordStart, "unterminated quote")));
        }
        fields.add(field.toString());
        add(lines, recordStart, fields);
        if (lines.isEmpty()) {
            throw ProblemException.ruleViolation("csv-empty", "The CSV file is empty");
        }
        return lines;
    }

    /** The header's columns by normalised name (lower case, no spaces, dashes or underscores). */
    static Map<String, Integer> header(Line header) {
        Map<String, Integer> columns = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            columns.putIfAbsent(normalise(header.fields().get(i)), i);
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
        return Math.abs(amount) <= YearAmount.MAX_ABS ? Optional.of(amount) : Optional.empty();
    }

    /** A decimal with {@code ,} or {@code .} as the decimal mark (no thousands separators): {@code 1234,5}. */
    static Optional<BigDecimal> decimal(String text) {
        String value = text.replace(" ", "").replace("\u00A0", "").replace(',', '.');
        if (!value.matches("-?\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value));
    }

    private static void add(List<Line> lines, int number, List<String> fields) {
        boolean blank = fields.stream().allMatch(String::isBlank);
        if (!blank) {
            lines.add(new Line(number, List.copyOf(fields)));
        }
    }

    private static char separator(String body) {
        int end = body.indexOf('\n');
        String first = end < 0 ? body : body.substring(0, end);
        if (first.indexOf(';') >= 0) {
            return ';';
        }
        if (first.indexOf('\t') >= 0) {
            return '\t';
        }
        return first.indexOf(',') >= 0 ? ',' : ';';
    }
}
