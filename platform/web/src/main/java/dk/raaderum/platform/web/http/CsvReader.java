package dk.raaderum.platform.web.http;

import dk.raaderum.platform.text.ControlCharacters;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as Danish Excel and LibreOffice write it, and as {@link CsvWriter} writes it, one record at a time (a file
 * of any size is never held whole): UTF-8 (or a named character set) with or without a byte-order mark; the separator is {@code ;} unless the
 * first line has none but has a tab or a {@code ,}; fields may be quoted with {@code "} (doubled inside; spaces before
 * the opening quote are dropped, as in {@code a, "b, c"}), and a quoted field may span lines, the header's too; CRLF
 * or LF. Bytes that are not UTF-8 are an error, not replaced. A quoted cell that {@link CsvWriter} neutralised against
 * formula injection ({@code "'=…"}) is read back without that quote.
 */
public final class CsvReader implements AutoCloseable {

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private Charset charset = StandardCharsets.UTF_8;
    private char separator;
    private int line = 1;
    private int recordLine;
    private int pushedBack = -2;
    private CharSequence replay;
    private int replayed;

    private CsvReader(Reader in) {
        this.in = in;
    }

    /** A reader of UTF-8 {@code stream}, which it closes when it is closed. */
    public static CsvReader of(InputStream stream) {
        return of(stream, StandardCharsets.UTF_8);
    }

    /** A reader of {@code stream} in {@code charset} (e.g. windows-1252, what Danish Excel's plain CSV is saved in). */
    public static CsvReader of(InputStream stream, Charset charset) {
        CsvReader reader = new CsvReader(new InputStreamReader(stream, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        reader.charset = charset;
        return reader;
    }

    /**
     * A reader of text already decoded (e.g. by a service's own character-set rules), which it closes when it is
     * closed. A leading byte-order mark is skipped all the same.
     */
    public static CsvReader of(Reader text) {
        return new CsvReader(text);
    }

    /** Every record of UTF-8 {@code bytes} (a small file already in memory: tests, tools). */
    public static List<List<String>> readAll(byte[] bytes) {
        List<List<String>> records = new ArrayList<>();
        try (CsvReader reader = of(new ByteArrayInputStream(bytes))) {
            for (List<String> record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }
        return records;
    }

    /** A record that cannot be read: not UTF-8, a quote that is never closed, or a control character in a cell. */
    public static final class CsvException extends RuntimeException {

        private final int line;

        CsvException(int line, String message) {
            super(message);
            this.line = line;
        }

        /** The line (from 1) where the offending record starts. */
        public int line() {
            return line;
        }
    }

    /** The next record's fields, or null at the end. The first call skips a byte-order mark and finds the separator. */
    public List<String> next() {
        try {
            if (separator == 0) {
                separator = separatorOfFirstLine();
            }
            int c = read();
            if (c == -1) {
                return null;
            }
            recordLine = line;
            return record(c);
        } catch (CharacterCodingException e) {
            throw new CsvException(line, "The file is not " + charset.name() + " text (near line " + line + "): save it as"
                    + " \"CSV UTF-8\", or name its character set, e.g. Content-Type: text/csv; charset=windows-1252");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line (from 1) at which the record last returned by {@link #next()} starts. */
    public int recordLine() {
        return recordLine;
    }

    private List<String> record(int first) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int c = first;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (c == -1) {
                if (quoted) {
                    throw new CsvException(recordLine, "Line " + recordLine + ": a quoted field is never closed");
                }
                break;
            }
            if (quoted) {
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        unread(after);
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && !wasQuoted && blank(field)) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        unread(after);
                    }
                }
                line++;
                break;
            } else if (c == separator) {
                fields.add(cell(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append((char) c);
            }
            c = read();
        }
        fields.add(cell(field, wasQuoted));
        refuseControlCharacters(fields);
        return fields;
    }

    /** A cell holds what a JSON string may hold ({@link ControlCharacters}): an import writes nothing an API refuses. */
    private void refuseControlCharacters(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (ControlCharacters.present(fields.get(i))) {
                throw new CsvException(recordLine, "Line " + recordLine + ", column " + (i + 1) + ": "
                        + ControlCharacters.MESSAGE);
            }
        }
    }

    private static boolean blank(StringBuilder field) {
        for (int i = 0; i < field.length(); i++) {
            if (!Character.isWhitespace(field.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A quoted cell gets back what {@link CsvWriter} neutralised (its leading quote before {@code =}, {@code -} …). */
    private static String cell(StringBuilder field, boolean quoted) {
        return quoted ? CsvWriter.restore(field.toString()) : field.toString();
    }

    /**
     * The first line (after a byte-order mark) decides the separator: {@code ;} if it has one, else a tab, else
     * {@code ,}, else {@code ;}. The line is read ahead and then read again as the start of the first record, so a
     * quoted header cell may still span lines.
     */
    private char separatorOfFirstLine() throws IOException {
        StringBuilder first = new StringBuilder();
        int c = read();
        if (c == '\uFEFF') {
            c = read();
        }
        while (c != -1 && c != '\n' && c != '\r') {
            first.append((char) c);
            c = read();
        }
        if (c != -1) {
            first.append((char) c);
        }
        replay = first;
        replayed = 0;
        return first.indexOf(";") >= 0 ? ';' : first.indexOf("\t") >= 0 ? '\t' : first.indexOf(",") >= 0 ? ',' : ';';
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (replay != null) {
            if (replayed < replay.length()) {
                return replay.charAt(replayed++);
            }
            replay = null;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private void unread(int c) {
        pushedBack = c;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
