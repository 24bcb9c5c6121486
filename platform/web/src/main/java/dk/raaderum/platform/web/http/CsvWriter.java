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

/**
 * CSV that Danish Excel and LibreOffice open correctly: UTF-8 with a byte-order mark, {@code ;} between fields
 * (the Danish list separator), CRLF line ends, fields quoted when they hold a separator, quote or line break.
 * Amounts are written as whole numbers without thousands separators.
 */
public final class CsvWriter implements AutoCloseable {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final char SEPARATOR = ';';

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
        if (text.indexOf(SEPARATOR) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
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
