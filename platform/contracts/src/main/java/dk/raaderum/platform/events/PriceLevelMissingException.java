package dk.raaderum.platform.events;

/**
 * A conversion between price levels needs the index of a year that the price index does not have. Services answer it
 * with 422 problem {@code price-level-missing} naming {@link #year()}; the remedy is to add the year to the
 * municipality's price index (target-service, {@code PUT …/price-index}).
 */
public class PriceLevelMissingException extends RuntimeException {

    private final int year;

    public PriceLevelMissingException(int year, String range) {
        super("The price index has no index for " + year + " (it covers " + range
                + "); add the year to the municipality's price index (PUT …/price-index)", null, false, false);
        this.year = year;
    }

    public int year() {
        return year;
    }
}
