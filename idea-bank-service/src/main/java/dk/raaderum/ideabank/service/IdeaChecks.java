package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.IdeaContent;
import dk.raaderum.ideabank.domain.IdeaRules;
import dk.raaderum.ideabank.domain.IdeaRules.Violation;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;

import java.util.List;

/** {@link IdeaRules} for one idea sent to the API: the first broken rule is the 422's rule, every field is listed. */
final class IdeaChecks {

    private IdeaChecks() {
    }

    /** The normalised content, or a 422 business-rule problem naming every broken rule's field. */
    static IdeaContent require(IdeaContent content, boolean allYears) {
        IdeaContent normalised = content.normalised();
        List<Violation> violations = IdeaRules.check(normalised, allYears);
        if (!violations.isEmpty()) {
            Violation first = violations.get(0);
            throw ProblemException.ruleViolation(first.rule(), first.field() + ": " + first.message(),
                    violations.stream().map(v -> new FieldError(v.field(), v.message())).toList());
        }
        return normalised;
    }
}
