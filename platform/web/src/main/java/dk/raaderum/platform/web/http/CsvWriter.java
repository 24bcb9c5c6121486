package dk.raaderum.platform.web.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV that Danish Excel and LibreOffice open correctly: UTF-8 with a byte-order mark, {@code ;} between fields
 * (the Danish list separator), CRLF line ends, fields quoted when they hold a separator, quote or line break.
 * Amounts are written as whole numbers without thousands separators.
 *
 * <p><b>CSV injection (formula injection).</b> Every CSV the platform writes goes through here, and texts come from
 * users (titles, descriptions, names) and are opened by others in Excel or LibreOffice. A cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be run as a formula there, so it is
 * neutralised by OWASP's rule: a single quote is put in front ({@code =HYPERLINK(…)} → {@code '=HYPERLINK(…)}) and the
 * cell is always quoted (embedded quotes doubled), so a separator inside it cannot start a new cell. The one
 * exception is a cell that is a plain number ({@code -1500}, {@code +12}, {@code -12,5}: an optional sign, digits, at
 * most one decimal comma or point): a number cannot run as a formula, and amounts in amount columns must stay numbers
 * a spreadsheet can add up. Text that merely starts with a number-like part ({@code -10 % på vikarer}, {@code -1+1})
 * is neutralised. A text that already starts with quotes followed by one of those characters gets one more quote,
 * so {@link CsvReader} (which removes one such quote from a quoted cell) reads back exactly what was written.
 */
public final class CsvWriter implements AutoCloseable {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final char SEPARATOR = ';';
    /** What OWASP's rule neutralises: leading quotes (ours) followed by a character that starts a formula. */
    static final Pattern FORMULA_START = Pattern.compile("^'*[=+\\-@\t\r]");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?");

    private final Writer out;

    private CsvWriter(Writer out) {
        this.out = out;
    }

    /** Writes the byte-order mark first, so Excel reads UTF-8 (æ, ø, å). */
    public static CsvWriter to(OutputStream stream) {
        try {
            stream.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CsvWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }

    /** A decimal as Danish Excel reads it, with a decimal comma ({@code 12.5 → "12,5"}); empty for null. */
    public static String decimal(BigDecimal value) {
        return value == null ? "" : value.toPlainString().replace('.', ',');
    }

    /** One row; null fields are empty. */
    public CsvWriter row(Object... fields) {
        return row(Arrays.asList(fields));
    }

    public CsvWriter row(List<?> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(SEPARATOR);
                }
                out.write(escape(fields.get(i)));
            }
            out.write("\r\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(Object field) {
        if (field == null) {
            return "";
        }
        String text = field.toString();
        if (isFormulaLike(text)) {
            return "\"'" + text.replace("\"", "\"\"") + '"';
        }
        if (text.indexOf(SEPARATOR) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** Would a spreadsheet run {@code text} as a formula? Plain numbers (negative amounts) are not neutralised. */
    static boolean isFormulaLike(String text) {
        return FORMULA_START.matcher(text).find() && !PLAIN_NUMBER.matcher(text).matches();
    }

    /** Undoes the neutralisation of a quoted cell: one leading quote before a formula character goes. */
    static String restore(String cell) {
        return cell.startsWith("'") && FORMULA_START.matcher(cell).find() ? cell.substring(1) : cell;
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
