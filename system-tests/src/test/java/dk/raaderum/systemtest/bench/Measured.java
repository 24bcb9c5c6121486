package dk.raaderum.systemtest.bench;

/**
 * What one load phase measured, from outside the platform: requests answered, their rate, the answers that were not
 * 2xx or failed, and latency percentiles in milliseconds; {@code tool} says who measured.
 */
public record Measured(String tool, long requests, double perSecond, long errors, double p50, double p90, double p99,
        double max) {

    /** {@code 2,310 req/s, p50 1.92 ms, p99 6.10 ms, errors 0}. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%,.0f req/s (%d requests), p50 %.2f ms, p90 %.2f ms, p99 %.2f ms,"
                + " max %.2f ms, errors %d [%s]", perSecond, requests, p50, p90, p99, max, errors, tool);
    }
}
