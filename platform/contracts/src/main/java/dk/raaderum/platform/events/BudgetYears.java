package dk.raaderum.platform.events;

/**
 * The platform's range of budget years, the same in every service: a catalog, a target, an agreement, an initiative's
 * catalog year, an idea and a price level are of a year in {@link #FIRST}–{@link #LAST}. A proposal shared from any
 * catalog is therefore of a budget year the idea bank takes.
 */
public final class BudgetYears {

    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    private BudgetYears() {
    }
}
