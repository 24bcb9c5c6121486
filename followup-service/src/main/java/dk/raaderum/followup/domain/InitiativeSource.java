package dk.raaderum.followup.domain;

/** How an initiative came into the register. */
public enum InitiativeSource {
    /** From proposal-service: a proposal adopted with the budget (event proposal.adopted). */
    CATALOG,
    /** Registered through the API: decided outside a catalog (e.g. by the finance committee during the year). */
    MANUAL,
    /** Granted from an investment pool: an application's business case, followed up like any other initiative. */
    INVESTMENT_POOL
}
