package dk.raaderum.ideabank.domain;

import dk.raaderum.platform.events.YearAmount;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An idea's yearly amounts for the four budget years (the budget year and its three projection years), in whole
 * kroner at the idea's price level: the change in operating expenses, negative creates room. A year may be unknown
 * (null): a budget document often states only the first full year.
 */
@Embeddable
public class YearlyAmounts {

    /** The budget year plus the three projection years (overslagsår). */
    public static final int YEARS = 4;

    @Column(name = "amount_year1")
    Long year1;

    @Column(name = "amount_year2")
    Long year2;

    @Column(name = "amount_year3")
    Long year3;

    @Column(name = "amount_year4")
    Long year4;

    public YearlyAmounts() {
    }

    /** The amounts of {@code years}, each of which lies in {@code budgetYear} … {@code budgetYear + 3} (checked before). */
    public static YearlyAmounts of(int budgetYear, List<YearAmount> years) {
        Long[] byOffset = new Long[YEARS];
        for (YearAmount year : years) {
            byOffset[year.year() - budgetYear] = year.amount();
        }
        YearlyAmounts amounts = new YearlyAmounts();
        amounts.year1 = byOffset[0];
        amounts.year2 = byOffset[1];
        amounts.year3 = byOffset[2];
        amounts.year4 = byOffset[3];
        return amounts;
    }

    /** The known years, in order. */
    public List<YearAmount> known(int budgetYear) {
        List<YearAmount> known = new ArrayList<>();
        List<Long> values = byOffset();
        for (int i = 0; i < YEARS; i++) {
            if (values.get(i) != null) {
                known.add(new YearAmount(budgetYear + i, values.get(i)));
            }
        }
        return known;
    }

    /** The four amounts by offset from the budget year, null where unknown. */
    public List<Long> byOffset() {
        return Arrays.asList(year1, year2, year3, year4);
    }

    /** The largest amount of any year, either sign (what "largest yearly amount" sorts by); null without amounts. */
    public Long largest() {
        return byOffset().stream().filter(v -> v != null).map(Math::abs).max(Long::compare).orElse(null);
    }
}
