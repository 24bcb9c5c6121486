package dk.raaderum.platform.web.security;

/** Realm roles of the {@code raaderum} Keycloak realm (deploy/keycloak/raaderum-realm.json). */
public final class Roles {

    /** Finance department of one municipality: prepares catalogs, targets and follow-up. */
    public static final String FINANCE_OFFICER = "finance-officer";
    /** Member of a municipal council or committee. */
    public static final String POLITICIAN = "politician";
    /** Owns an adopted initiative and reports on its gains. */
    public static final String PROGRAM_OWNER = "program-owner";
    /** KL staff (and KL's aggregation system) reading across municipalities where an endpoint allows it. */
    public static final String KL_CURATOR = "kl-curator";
    /** Another IT system of one municipality, calling with client credentials. */
    public static final String MUNICIPAL_SYSTEM = "municipal-system";
    /**
     * Runs the platform (not a municipal or KL user): the operational endpoints every service has under
     * {@code /admin} (re-drive dead-letter topics, re-queue parked outbox events).
     */
    public static final String PLATFORM_OPERATOR = "platform-operator";

    private Roles() {
    }
}
