package dk.raaderum.target.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * The breaches of {@code rule} when {@code given} (the years of the values at {@code field}) is not each of the
     * four years of {@code budgetYear} exactly once: a year outside or given twice ({@code field[i].year}), years
     * missing ({@code field}).
     */
    public static List<RuleBreach> eachYearOnce(String rule, int budgetYear, List<Integer> given, String field) {
        List<Integer> years = of(budgetYear);
        List<RuleBreach> breaches = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            int year = given.get(i);
            if (!years.contains(year)) {
                breaches.add(new RuleBreach(rule, field + "[" + i + "].year", year + " is not one of the years " + years));
            } else if (!seen.add(year)) {
                breaches.add(new RuleBreach(rule, field + "[" + i + "].year", year + " is given twice"));
            }
        }
        List<Integer> missing = years.stream().filter(year -> !seen.contains(year)).toList();
        if (!missing.isEmpty()) {
            breaches.add(new RuleBreach(rule, field, "a value is missing for " + missing + "; state each of the four"
                    + " years " + years));
        }
        return breaches;
    }
}
