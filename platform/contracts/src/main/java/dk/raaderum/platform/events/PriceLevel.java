package dk.raaderum.platform.events;

/**
 * The price level an amount is stated at, as answers show it: {@code {"year": 2027, "convertedFrom": 2026}} for an
 * amount PL-regulated from 2026 to 2027 prices; {@code convertedFrom} is null when the amount was already at
 * {@code year}'s prices.
 */
public record PriceLevel(int year, Integer convertedFrom) {

    /** The level of an amount converted from {@code from} to {@code to} (no conversion when they are equal). */
    public static PriceLevel of(int to, int from) {
        return new PriceLevel(to, from == to ? null : from);
    }
}
