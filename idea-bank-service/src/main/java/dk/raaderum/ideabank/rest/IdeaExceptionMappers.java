package dk.raaderum.ideabank.rest;

import dk.raaderum.ideabank.domain.IdeaStateException;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.problem.ProblemMappers;
import dk.raaderum.platform.web.problem.ProblemTypes;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The idea bank's domain exceptions as problems: a step its status does not allow is 409 invalid-transition. */
public class IdeaExceptionMappers {

    private final ProblemMappers problems;

    public IdeaExceptionMappers(ProblemMappers problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response invalidTransition(IdeaStateException e, ContainerRequestContext request) {
        return problems.problem(new ProblemException(ProblemTypes.INVALID_TRANSITION, e.getMessage()), request);
    }
}
