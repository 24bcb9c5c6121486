package dk.raaderum.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScrapedMetricsTest {

    private static final String SCRAPE = """
            # TYPE raaderum_consumer_dead_lettered_total counter
            raaderum_consumer_dead_lettered_total{channel="notes"} 2.0 # {span_id="1df1",trace_id="4573"} 1.0 1796442125.642
            raaderum_consumer_dead_lettered_total{channel="copies"} 3.0
            raaderum_outbox_pending 7.0
            cache_gets_total{cache="catalog-snapshots",result="hit"} 11.0
            cache_gets_total{cache="catalog-snapshots",result="miss"} 4.0
            """;

    @Test
    void theValueIsReadNotTheExemplarsTimestamp() {
        assertEquals(5.0, ScrapedMetrics.sum(SCRAPE, "raaderum_consumer_dead_lettered_total"));
    }

    @Test
    void seriesAreChosenByTheirLabelsAndAMissingMetricIsMinusOne() {
        assertEquals(11.0, ScrapedMetrics.sum(SCRAPE, "cache_gets_total", "cache=\"catalog-snapshots\"", "result=\"hit\""));
        assertEquals(7.0, ScrapedMetrics.sum(SCRAPE, "raaderum_outbox_pending"));
        assertEquals(-1.0, ScrapedMetrics.sum(SCRAPE, "raaderum_outbox_parked"));
    }
}
