package dk.raaderum.followup.service;

import dk.raaderum.platform.web.problem.ProblemType;

/**
 * The error kinds of followup-service besides the platform's (listed in the service README). Broken domain rules
 * are 422 {@code business-rule} problems with a stable {@code rule} name (also in the README).
 */
public final class FollowupProblems {

    /** 409: the initiative was terminated; it takes no more reports or decisions. */
    public static final ProblemType INITIATIVE_TERMINATED = new ProblemType("initiative-terminated", 409,
            "The initiative is terminated");
    /** 409: the report slot no longer needs a report (its year was adjusted to no expected gain). */
    public static final ProblemType REPORT_SLOT_CLOSED = new ProblemType("report-slot-closed", 409,
            "The report slot is closed");

    /**
     * 409: a grant would draw more than an investment pool has left in a year (another grant took it first); the
     * problem names the pool's {@code remaining} amount per year and the {@code shortfall}.
     */
    public static final ProblemType POOL_EXHAUSTED = new ProblemType("pool-exhausted", 409,
            "The investment pool cannot cover the grant");

    private FollowupProblems() {
    }
}
