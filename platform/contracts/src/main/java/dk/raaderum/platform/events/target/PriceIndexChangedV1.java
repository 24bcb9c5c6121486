package dk.raaderum.platform.events.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code dk.raaderum.price-index.changed.v1} on {@code price-index.changed}, keyed by the municipality code: the
 * municipality's price index (pris- og lønindeks) changed. Carries the whole effective series (the platform's default,
 * KL's PL for service expenses, overlaid with the municipality's own years), so a consumer replaces what it had.
 *
 * @param version increases with every change of the municipality's index; consumers ignore older versions
 * @param years ascending, each with its index and where it comes from ({@code DEFAULT} or {@code MUNICIPALITY})
 */
public record PriceIndexChangedV1(String municipality, long version, List<YearIndex> years, Instant changedAt) {

    public record YearIndex(int year, BigDecimal index, String source) {
    }
}
