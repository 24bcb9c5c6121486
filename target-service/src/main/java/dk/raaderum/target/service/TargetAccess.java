package dk.raaderum.target.service;

import static dk.raaderum.platform.web.security.Roles.FINANCE_OFFICER;
import static dk.raaderum.platform.web.security.Roles.MUNICIPAL_SYSTEM;

import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may change what, in one place (the resources' {@code @RolesAllowed} say the same; this guards every caller of
 * the services):
 * <ul>
 * <li>finance officers manage everything of their municipality;</li>
 * <li>municipal systems (machine clients) import base budgets and read;</li>
 * <li>politicians and program owners read;</li>
 * <li>KL curators read only the aggregated, anonymised figures under /api/v1/kl.</li>
 * </ul>
 */
@ApplicationScoped
public class TargetAccess {

    public void requireFinanceOfficer(Actor actor, String what) {
        if (!actor.hasRole(FINANCE_OFFICER)) {
            throw ProblemException.forbidden("Only finance officers may " + what);
        }
    }

    public void requireBudgetImporter(Actor actor) {
        if (!actor.hasAnyRole(FINANCE_OFFICER, MUNICIPAL_SYSTEM)) {
            throw ProblemException.forbidden("Only finance officers and the municipality's systems may import base budgets");
        }
    }
}
