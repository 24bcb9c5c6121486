package dk.raaderum.target.domain;

/** Who answers for reaching the target (KL's survey: about half political, a third the executive, 15 % managers). */
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
