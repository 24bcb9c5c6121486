package dk.raaderum.platform.events;

import java.util.Map;

/** The main accounts (hovedkonti 0–6) of the municipal chart of accounts, by number, with their Danish names. */
public final class MainAccounts {

    private static final Map<Integer, String> NAMES = Map.of(
            0, "Byudvikling, bolig- og miljøforanstaltninger",
            1, "Forsyningsvirksomheder mv.",
            2, "Transport og infrastruktur",
            3, "Undervisning og kultur",
            4, "Sundhedsområdet",
            5, "Sociale opgaver og beskæftigelse mv.",
            6, "Fællesudgifter og administration mv.");

    private MainAccounts() {
    }

    /** The name of main account {@code number}; {@code "Hovedkonto <n>"} for a number outside 0–6. */
    public static String name(int number) {
        return NAMES.getOrDefault(number, "Hovedkonto " + number);
    }
}
