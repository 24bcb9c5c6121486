package dk.raaderum.ideabank.support;

import dk.raaderum.platform.testing.TestTokens;

/** The callers of the tests, as signed tokens of the realm's shape. */
public final class Tokens {

    private Tokens() {
    }

    public static String finance(String municipality) {
        return TestTokens.user(municipality + "-finance").name("Økonomi " + municipality).roles("finance-officer")
                .municipality(municipality).token();
    }

    public static String politician(String municipality) {
        return TestTokens.user(municipality + "-politician").roles("politician").municipality(municipality)
                .claim("party", "Venstre").token();
    }

    public static String owner(String municipality) {
        return TestTokens.user(municipality + "-owner").roles("program-owner").municipality(municipality).token();
    }

    public static String machine(String municipality) {
        return TestTokens.client("budget-system-" + municipality).roles("municipal-system").municipality(municipality)
                .token();
    }

    public static String curator() {
        return TestTokens.user("kl-curator").name("KL Kurator").roles("kl-curator").token();
    }
}
