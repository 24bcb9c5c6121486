package dk.raaderum.target.domain;

/**
 * What a key figure of the economic policy measures, and so how a selection of proposals moves it (the consumer of
 * {@code economic-policy.adopted} simulates that; see {@code EconomicPolicyAdoptedV1.KeyFigure}).
 */
public enum KeyFigureKind {
    /** The room to create (råderum), e.g. Halsnæs: budget levers worth at least 1.5 % of the operating budget. */
    ROOM,
    /** Average liquidity (kassebeholdning after the kassekreditreglen). */
    CASH_HOLDINGS,
    /** The operating surplus kept back as a service buffer. */
    SERVICE_BUFFER,
    /** Long-term debt: a ceiling or a path. */
    LONG_TERM_DEBT,
    /** Any other named figure with a bound; proposals do not move it. */
    OTHER
}
