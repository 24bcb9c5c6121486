package dk.raaderum.platform.events;

/**
 * A body of the municipality that answers for something or decides it: who answers for reaching an efficiency target
 * (KL's survey: about half political, a third the executive, 15 % managers; target-service), and which body took a
 * decision on an initiative in the benefit register (followup-service). One vocabulary for both, and for events that
 * carry one (as its name).
 */
public enum ResponsibleBody {
    /** The municipal council (kommunalbestyrelse / byråd). */
    COUNCIL,
    /** The finance committee (økonomiudvalget). */
    FINANCE_COMMITTEE,
    /** The standing committees (fagudvalg), each for its areas' share (Ringsted). */
    STANDING_COMMITTEE,
    /** The executive board (direktionen). */
    EXECUTIVE_BOARD,
    /** The responsible director. */
    DIRECTOR,
    /** The department head (centerchef / afdelingschef). */
    DEPARTMENT_HEAD
}
