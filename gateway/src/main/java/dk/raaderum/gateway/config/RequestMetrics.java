package dk.raaderum.gateway.config;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The gateway's request metrics ({@code http_server_requests_seconds}) as operators use them
 * (deploy/monitoring): a histogram, so that the p99 of what users wait for is a query
 * ({@code histogram_quantile(0.99, …_bucket)}), and paths as templates, so that every municipality code and id does
 * not become a time series of its own (the gateway routes raw paths: "/api/v1/municipalities/573/catalogs/12" is
 * counted as "/api/v1/municipalities/{municipalityCode}/catalogs/{id}").
 */
public class RequestMetrics {

    private static final String REQUESTS = "http.server.requests";
    private static final Pattern MUNICIPALITY = Pattern.compile("/municipalities/[^/]+");
    private static final Pattern ID = Pattern.compile("/(?:[0-9]+|[0-9a-fA-F-]{36})(?=/|$)");

    /** "/api/v1/municipalities/573/catalogs/12/proposals" → "/api/v1/municipalities/{municipalityCode}/catalogs/{id}/proposals". */
    static String template(String path) {
        String municipality = MUNICIPALITY.matcher(path).replaceAll("/municipalities/{municipalityCode}");
        return ID.matcher(municipality).replaceAll("/{id}");
    }

    @Produces
    @Singleton
    MeterFilter pathTemplates() {
        return MeterFilter.replaceTagValues("uri", RequestMetrics::template);
    }

    @Produces
    @Singleton
    MeterFilter latencyHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos()).build().merge(config);
            }
        };
    }
}
