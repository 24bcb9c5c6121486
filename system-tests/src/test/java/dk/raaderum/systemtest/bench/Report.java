package dk.raaderum.systemtest.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The benchmark's one table: every figure under its section, next to the figure of the committed baseline and the
 * ratio (this run / baseline), so a regression shows; also the figures alone as a properties file, the next baseline.
 */
public final class Report {

    private record Line(String key, String label, double value, String unit, boolean section) {
    }

    private final List<String> header = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** A line above the table (machine, JVM, tools). */
    public void header(String text) {
        header.add(text);
    }

    public void section(String title) {
        lines.add(new Line(null, title, Double.NaN, "", true));
    }

    /** A figure; {@code key} names it in the baseline file. */
    public void figure(String key, String label, double value, String unit) {
        lines.add(new Line(key, label, value, unit, false));
        System.out.printf(Locale.ROOT, "[bench] %-60s %10.2f %s%n", label, value, unit);
    }

    /** A line below the table. */
    public void note(String text) {
        notes.add(text);
    }

    /** The table, with the baseline's figures (none when the file is missing). */
    public String table(Path baselineFile) {
        Properties baseline = load(baselineFile);
        StringBuilder out = new StringBuilder();
        header.forEach(h -> out.append(h).append('\n'));
        out.append(String.format(Locale.ROOT, "%-62s %11s %-6s %11s %7s%n", "figure", "this run", "", "baseline", "ratio"));
        for (Line line : lines) {
            if (line.section()) {
                out.append(line.label()).append('\n');
                continue;
            }
            String before = baseline.getProperty(line.key());
            double then = before == null ? Double.NaN : Double.parseDouble(before);
            out.append(String.format(Locale.ROOT, "  %-60s %11s %-6s %11s %7s%n", line.label(), number(line.value()),
                    line.unit(), before == null ? "-" : number(then),
                    before == null || then == 0 ? "-" : String.format(Locale.ROOT, "%.2f", line.value() / then)));
        }
        notes.forEach(n -> out.append(n).append('\n'));
        return out.toString();
    }

    /** The figures as {@code key=value} lines: copy to the committed baseline to compare later runs with this one. */
    public String figures(String comment) {
        StringBuilder out = new StringBuilder();
        comment.lines().forEach(c -> out.append("# ").append(c).append('\n'));
        lines.stream().filter(l -> !l.section()).forEach(l -> out.append(l.key()).append('=')
                .append(String.format(Locale.ROOT, "%.3f", l.value())).append('\n'));
        return out.toString();
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : "%.2f", value);
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }
}
