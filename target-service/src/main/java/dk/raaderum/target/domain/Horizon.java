package dk.raaderum.target.domain;

import java.util.List;
import java.util.stream.IntStream;

/** A municipal budget covers the budget year and three projection years (overslagsår): four years in all. */
public final class Horizon {

    public static final int YEARS = 4;

    private Horizon() {
    }

    /** The budget year and the three projection years. */
    public static List<Integer> of(int budgetYear) {
        return IntStream.range(budgetYear, budgetYear + YEARS).boxed().toList();
    }

    public static boolean contains(int budgetYear, int year) {
        return year >= budgetYear && year < budgetYear + YEARS;
    }
}
