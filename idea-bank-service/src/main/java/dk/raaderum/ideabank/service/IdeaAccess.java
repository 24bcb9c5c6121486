package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.problem.ProblemTypes;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.platform.web.security.Roles;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who sees which ideas, in one place: every signed-in municipal user and KL see published ideas; a municipality sees
 * its own ideas in any status; KL sees everything. Without login, published ideas are open data.
 */
public final class IdeaAccess {

    private IdeaAccess() {
    }

    public static boolean isKl(Actor actor) {
        return actor.hasRole(Roles.KL_CURATOR);
    }

    public static boolean canSee(Actor actor, Idea idea) {
        return canSee(actor, idea.status, idea.sourceMunicipality);
    }

    /** The rule itself, for rows that are not entities. */
    public static boolean canSee(Actor actor, IdeaStatus status, String sourceMunicipality) {
        return status == IdeaStatus.PUBLISHED || isKl(actor) || sourceMunicipality.equals(actor.municipality());
    }

    /** The statuses a search covers: published, unless a KL curator asks for others. */
    public static Set<IdeaStatus> searchable(Actor actor, Set<IdeaStatus> asked) {
        if (asked.isEmpty() || asked.equals(Set.of(IdeaStatus.PUBLISHED))) {
            return Set.of(IdeaStatus.PUBLISHED);
        }
        if (!isKl(actor)) {
            throw new ProblemException(ProblemTypes.FORBIDDEN, "Only KL curators search"
                    + " ideas that are not published; a municipality's own ideas are at /api/v1/municipalities/{code}/ideas",
                    Map.of(), List.of(new FieldError("status", "PUBLISHED only")));
        }
        return asked;
    }
}
