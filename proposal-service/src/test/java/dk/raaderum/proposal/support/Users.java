package dk.raaderum.proposal.support;

import dk.raaderum.platform.testing.TestTokens;

/** Signed tokens for the roles of the realm, per municipality. */
public final class Users {

    private Users() {
    }

    public static String financeOfficer(String municipality) {
        return TestTokens.user("fo-" + municipality).name("Finans " + municipality).roles("finance-officer")
                .municipality(municipality).token();
    }

    public static String politician(String municipality, String party) {
        return TestTokens.user("pol-" + municipality + "-" + party.hashCode()).name("Politiker (" + party + ")")
                .roles("politician").municipality(municipality).claim("party", party).token();
    }

    public static String programOwner(String municipality) {
        return TestTokens.user("po-" + municipality).roles("program-owner").municipality(municipality).token();
    }

    public static String machine(String municipality) {
        return TestTokens.client("budget-system-" + municipality).roles("municipal-system").municipality(municipality)
                .token();
    }

    public static String klCurator() {
        return TestTokens.user("kl-curator").roles("kl-curator").token();
    }
}
