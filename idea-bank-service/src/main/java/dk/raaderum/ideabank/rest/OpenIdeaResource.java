package dk.raaderum.ideabank.rest;

import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.service.IdeaModels.IdeaView;
import dk.raaderum.ideabank.service.IdeaModels.PolicyAreaView;
import dk.raaderum.ideabank.service.IdeaQueries;
import dk.raaderum.ideabank.service.search.IdeaSearch;
import dk.raaderum.ideabank.service.search.SearchModels.Result;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.problem.ProblemException;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

/** No login: the published ideas as open data, without personal data (no contact role, no names in history). */
@Path("/api/v1/open-data/ideas")
@PermitAll
@Tag(name = "Open data: ideas", description = "The published ideas of the idea bank, without login")
@APIResponse(responseCode = "400", description = "A parameter is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
public class OpenIdeaResource {

    private final IdeaSearch search;
    private final IdeaQueries queries;

    public OpenIdeaResource(IdeaSearch search, IdeaQueries queries) {
        this.search = search;
        this.queries = queries;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search the published ideas", description = "As GET /api/v1/ideas: Danish full-text search,"
            + " compound words, facets, sorts.")
    @APIResponse(responseCode = "200", description = "A page of hits with facets")
    public Result search(@Valid @BeanParam SearchParameters parameters) {
        return search.search(parameters.toQuery(Set.of(IdeaStatus.PUBLISHED)));
    }

    @GET
    @Path("/policy-areas")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The national list of policy areas")
    @APIResponse(responseCode = "200", description = "The national policy areas")
    public List<PolicyAreaView> policyAreas() {
        return IdeaQueries.policyAreas();
    }

    @GET
    @Path("/{ideaId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A published idea", description = "With its family and links to other published ideas; without"
            + " the contact role.")
    @APIResponse(responseCode = "404", description = "No such published idea", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The published idea")
    public IdeaView get(@PathParam("ideaId") long id) {
        return queries.open(id).orElseThrow(() -> ProblemException.notFound("Idea", id));
    }
}
