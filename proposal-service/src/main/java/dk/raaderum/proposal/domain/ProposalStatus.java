package dk.raaderum.proposal.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The workflow of a proposal: DRAFT → SUBMITTED → QUALIFIED → PRESENTED → ADOPTED | REJECTED; WITHDRAWN from any
 * non-final state; back to DRAFT from SUBMITTED or QUALIFIED.
 */
public enum ProposalStatus {
    DRAFT("Kladde"), SUBMITTED("Indsendt"), QUALIFIED("Kvalificeret"), PRESENTED("Fremlagt"), ADOPTED("Vedtaget"),
    REJECTED("Forkastet"), WITHDRAWN("Trukket tilbage");

    private final String danish;

    ProposalStatus(String danish) {
        this.danish = danish;
    }

    /** The status as Danish users read it (exports). */
    public String danish() {
        return danish;
    }

    public Set<ProposalStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case SUBMITTED -> EnumSet.of(QUALIFIED, DRAFT, WITHDRAWN);
            case QUALIFIED -> EnumSet.of(PRESENTED, DRAFT, WITHDRAWN);
            case PRESENTED -> EnumSet.of(ADOPTED, REJECTED, WITHDRAWN);
            case ADOPTED, REJECTED, WITHDRAWN -> EnumSet.noneOf(ProposalStatus.class);
        };
    }

    public boolean canMoveTo(ProposalStatus target) {
        return next().contains(target);
    }

    /**
     * Whether a proposal in this status is carried into the next budget year's catalog (rollover): every status but
     * ADOPTED (it is in the budget; its follow-up is gevinstrealisering, not a new proposal) — drafts and proposals in
     * qualification, presented ones not decided, and rejected ones, which may be presented again after the
     * karensperiode. WITHDRAWN only when asked: its author took it back.
     */
    public boolean carriesOver(boolean includeWithdrawn) {
        return switch (this) {
            case ADOPTED -> false;
            case WITHDRAWN -> includeWithdrawn;
            default -> true;
        };
    }
}
