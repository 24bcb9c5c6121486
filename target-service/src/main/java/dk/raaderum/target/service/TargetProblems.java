package dk.raaderum.target.service;

import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.problem.ProblemType;
import dk.raaderum.target.domain.AllocationException;
import dk.raaderum.target.domain.RuleBreach;

import java.util.List;

/** The error kinds of target-service besides the platform's (documented in the service README). */
public final class TargetProblems {

    /** 409: the target is adopted; its definition is fixed (a change of its split is a new allocation round). */
    public static final ProblemType TARGET_ADOPTED = new ProblemType("target-adopted", 409,
            "The target is adopted and can no longer be changed");

    /** 409: the version of the economic policy is adopted; it never changes (draft a new version from it). */
    public static final ProblemType POLICY_ADOPTED = new ProblemType("policy-adopted", 409,
            "The version of the economic policy is adopted and can no longer be changed");

    /** 409: the municipality has a draft version of its economic policy already (member {@code draftVersion}). */
    public static final ProblemType POLICY_DRAFT_EXISTS = new ProblemType(PolicyModels.RULE_DRAFT_EXISTS, 409,
            "A draft version of the economic policy exists already");

    private TargetProblems() {
    }

    /** A calculation that cannot be made as asked, as a 422 business-rule problem with its rule name. */
    public static ProblemException of(AllocationException e) {
        if (e.field() == null) {
            return ProblemException.ruleViolation(e.rule(), e.getMessage());
        }
        return ProblemException.ruleViolation(e.rule(), e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())));
    }

    /** Nothing when {@code breaches} is empty; else a 422 naming the first broken rule, every breach in {@code errors}. */
    public static void requireNone(List<RuleBreach> breaches) {
        if (breaches.isEmpty()) {
            return;
        }
        RuleBreach first = breaches.get(0);
        throw ProblemException.ruleViolation(first.rule(), first.field() + ": " + first.message()
                + (breaches.size() > 1 ? " (and " + (breaches.size() - 1) + " more, see errors)" : ""),
                breaches.stream().map(b -> new FieldError(b.field(), b.message())).toList());
    }
}
