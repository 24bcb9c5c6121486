package dk.raaderum.followup.support;

import dk.raaderum.platform.testing.TestTokens;

/** The callers of the tests, as signed tokens of the realm's shape. */
public final class Tokens {

    private Tokens() {
    }

    public static String finance(String municipality) {
        return TestTokens.user(municipality + "-finance").roles("finance-officer").municipality(municipality).token();
    }

    public static String politician(String municipality) {
        return TestTokens.user(municipality + "-politician").roles("politician").municipality(municipality)
                .claim("party", "Venstre").token();
    }

    /** A program owner: may report on the initiatives whose owner login is {@code username}. */
    public static String owner(String username, String municipality) {
        return TestTokens.user(username).roles("program-owner").municipality(municipality).token();
    }

    public static String machine(String municipality) {
        return TestTokens.client("budget-system-" + municipality).roles("municipal-system").municipality(municipality)
                .token();
    }

    public static String klCurator() {
        return TestTokens.user("kl-curator").roles("kl-curator").token();
    }
}
