package dk.raaderum.ideabank.rest;

import static dk.raaderum.platform.web.security.Roles.FINANCE_OFFICER;
import static dk.raaderum.platform.web.security.Roles.KL_CURATOR;
import static dk.raaderum.platform.web.security.Roles.MUNICIPAL_SYSTEM;
import static dk.raaderum.platform.web.security.Roles.POLITICIAN;
import static dk.raaderum.platform.web.security.Roles.PROGRAM_OWNER;

import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.service.IdeaAccess;
import dk.raaderum.ideabank.service.IdeaModels.DraftInput;
import dk.raaderum.ideabank.service.IdeaModels.FamilyView;
import dk.raaderum.ideabank.service.IdeaModels.HistoryView;
import dk.raaderum.ideabank.service.IdeaModels.IdeaView;
import dk.raaderum.ideabank.service.IdeaModels.PolicyAreaView;
import dk.raaderum.ideabank.service.IdeaModels.SimilarView;
import dk.raaderum.ideabank.service.IdeaQueries;
import dk.raaderum.ideabank.service.SimilarIdeas;
import dk.raaderum.ideabank.service.search.IdeaSearch;
import dk.raaderum.ideabank.service.search.SearchModels.Result;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Caller;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The idea bank for every signed-in municipal user and KL: search, read, history, families and look-alikes. */
@Path("/api/v1/ideas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ FINANCE_OFFICER, POLITICIAN, PROGRAM_OWNER, MUNICIPAL_SYSTEM, KL_CURATOR })
@Tag(name = "Ideas", description = "The cross-municipal idea bank: find ideas other municipalities have used")
@APIResponse(responseCode = "400", description = "A parameter or the body is not valid", content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
public class IdeaResource {

    private final IdeaSearch search;
    private final IdeaQueries queries;
    private final SimilarIdeas similar;
    private final Caller caller;

    public IdeaResource(IdeaSearch search, IdeaQueries queries, SimilarIdeas similar,
            Caller caller) {
        this.search = search;
        this.queries = queries;
        this.similar = similar;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Search the idea bank", description = """
            Published ideas, found by Danish full-text search: stemming (the `danish` snowball), compound words split
            ("pleje", "ældre" and "hjem" find "hjemmeplejen", "ældrepleje" and "plejehjem", ranked below ideas that use
            the word itself), title weighted above summary above description, websearch syntax ("a phrase", -word,
            or), æ, ø and å never folded. When the words match nothing, titles spelt alike are returned instead
            (matchedBy SIMILAR_SPELLING: "hjemmeplejn" finds "hjemmeplejen"). Highlighted title and snippet use
            <mark>; the rest is HTML-escaped. Facets with counts (area, type, municipality, budgetYear, tag,
            reducesService, hasRealisedGains) are over all hits. KL curators may search other statuses (status).""")
    @APIResponse(responseCode = "200", description = "A page of hits with facets")
    public Result search(@Valid @BeanParam SearchParameters parameters,
            @Parameter(description = "KL curators: statuses to search (default PUBLISHED)") @QueryParam("status") List<String> status) {
        return search.search(parameters.toQuery(IdeaAccess.searchable(caller.actor(),
                QueryParams.enums("status", status, IdeaStatus.class))));
    }

    @GET
    @Path("/policy-areas")
    @Operation(summary = "The national list of policy areas (fagområder)", description = "Codes to use for areaCode and"
            + " the area filter, with the main account (hovedkonto 0–6) each mostly lives on.")
    @APIResponse(responseCode = "200", description = "The national policy areas")
    public List<PolicyAreaView> policyAreas() {
        return IdeaQueries.policyAreas();
    }

    @POST
    @Path("/similar")
    @Operation(summary = "Is this already in the bank? Ideas like a text being written", description = """
            Scored from title trigram similarity, the overlap of significant words (stemmed, compounds split, words
            common to every budget proposal left out) and the same policy area; every hit says why it matched. Only
            ideas you may see.""")
    @APIResponse(responseCode = "200", description = "Ideas like the draft, each with why it matched")
    public List<SimilarView> similarToDraft(@NotNull @Valid DraftInput draft) {
        return similar.ofDraft(caller.actor(), draft);
    }

    @GET
    @Path("/{ideaId}")
    @Operation(summary = "An idea", description = "Published ideas for everyone; a municipality's own ideas in any status;"
            + " KL everything. With its family (the ideas merged with it, each with its municipality, year and amounts),"
            + " typed links and evidence. The ETag is the version.")
    @APIResponse(responseCode = "404", description = "No such idea that you may see", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The idea; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IdeaView.class)))
    public Response get(@PathParam("ideaId") long id) {
        IdeaView idea = queries.get(caller.actor(), id).orElseThrow(() -> ProblemException.notFound("Idea", id));
        return Responses.versioned(idea, idea.version());
    }

    @GET
    @Path("/{ideaId}/history")
    @Operation(summary = "Every step of the idea", description = "Who did what, when and why, the version it led to and"
            + " the fields it changed (from → to).")
    @APIResponse(responseCode = "404", description = "No such idea that you may see", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The idea's history, oldest first")
    public List<HistoryView> history(@PathParam("ideaId") long id) {
        return queries.history(caller.actor(), id);
    }

    @GET
    @Path("/{ideaId}/family")
    @Operation(summary = "The idea's family", description = "The primary idea and its members, each with its municipality,"
            + " budget year and amounts.")
    @APIResponse(responseCode = "404", description = "No such idea that you may see, or it has no family", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The idea's family")
    public FamilyView family(@PathParam("ideaId") long id) {
        return queries.family(caller.actor(), id).orElseThrow(() -> ProblemException.notFound("Family of idea", id));
    }

    @GET
    @Path("/{ideaId}/similar")
    @Operation(summary = "Ideas like this one", description = "As for a draft; never the idea itself or its family.")
    @APIResponse(responseCode = "404", description = "No such idea that you may see", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "Ideas like this one, each with why it matched")
    public List<SimilarView> similar(@PathParam("ideaId") long id) {
        return similar.ofIdea(caller.actor(), id);
    }
}
