package dk.raaderum.platform.events;

/** An amount in whole Danish kroner for one budget year (signs are explained where the record is used). */
public record YearAmount(int year, long amount) {

    /**
     * The largest amount, in whole kroner and either sign, that any API accepts for one year: 1,000 mia. kr., far
     * beyond the budget of any municipality and small enough that sums over many years and rows stay exact in a long.
     */
    public static final long MAX_ABS = 1_000_000_000_000L;

    /** True when {@code amount} is within {@link #MAX_ABS} either way. */
    public static boolean withinBound(long amount) {
        return amount >= -MAX_ABS && amount <= MAX_ABS;
    }
}
