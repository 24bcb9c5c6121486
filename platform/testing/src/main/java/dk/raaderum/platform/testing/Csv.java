package dk.raaderum.platform.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads back the CSV dialect of the platform's CsvWriter (UTF-8 byte-order mark, ';', quotes doubled, CRLF). */
public final class Csv {

    private Csv() {
    }

    public static List<List<String>> parse(byte[] bytes) {
        assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, Arrays.copyOf(bytes, 3),
                "starts with the UTF-8 byte-order mark");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                continue;
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        return rows;
    }

    /** The first row whose first fields are {@code prefix}. */
    public static List<String> row(List<List<String>> rows, String... prefix) {
        return rows.stream().filter(r -> r.size() >= prefix.length && r.subList(0, prefix.length).equals(List.of(prefix)))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + List.of(prefix) + " in " + rows));
    }
}
