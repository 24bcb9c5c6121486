package dk.raaderum.platform.testing;

import java.util.Arrays;
import java.util.List;

/**
 * Values read from a Prometheus scrape ({@code /q/metrics}) as the format writes them: {@code name{labels} value},
 * then maybe a timestamp and an exemplar ({@code # {trace_id=...} value timestamp}). The value is the first number
 * after the labels, never the last one on the line: a counter incremented in a recorded trace carries an exemplar
 * whose timestamp would be read instead.
 */
public final class ScrapedMetrics {

    private ScrapedMetrics() {
    }

    /**
     * The sum of the series of {@code name} whose line contains every one of {@code labels} (as written, e.g.
     * {@code cache="catalog-snapshots"}); -1 when there is no such series.
     */
    public static double sum(String scrape, String name, String... labels) {
        List<String> series = scrape.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .toList();
        return series.isEmpty() ? -1 : series.stream().mapToDouble(ScrapedMetrics::value).sum();
    }

    static double value(String line) {
        int exemplar = line.indexOf(" # ");
        String sample = exemplar < 0 ? line : line.substring(0, exemplar);
        int labelsEnd = sample.lastIndexOf('}');
        String rest = sample.substring(labelsEnd >= 0 ? labelsEnd + 1 : sample.indexOf(' ')).trim();
        return Double.parseDouble(rest.split("\\s+")[0]);
    }
}
