package dk.raaderum.proposal.service;

import dk.raaderum.platform.web.problem.ProblemType;
import dk.raaderum.platform.web.problem.ProblemTypes;

/** The error kinds of proposal-service besides the platform's (documented in the service README). */
public final class ProposalProblems {

    /** 409: the same proposal was presented and not adopted within the karensperiode. */
    public static final ProblemType KARENSPERIODE = new ProblemType("karensperiode", 409,
            "The proposal is in its karensperiode");
    /** 409: the catalog's status does not allow the change (locked for negotiations, or adopted). */
    public static final ProblemType CATALOG_CLOSED = new ProblemType("catalog-closed", 409,
            "The catalog does not accept this change in its status");
    /** 422: a presented proposal's content is corrected only with a stated reason ({@code correctionReason}). */
    public static final ProblemType CORRECTION_REASON_REQUIRED = new ProblemType("correction-reason-required", 422,
            "A correction of a presented proposal needs a reason");
    /** 409: the workflow does not allow this step from the proposal's status (the platform's kind). */
    public static final ProblemType INVALID_TRANSITION = ProblemTypes.INVALID_TRANSITION;

    private ProposalProblems() {
    }
}
