package dk.raaderum.ideabank.rest;

import static dk.raaderum.platform.web.security.Roles.FINANCE_OFFICER;
import static dk.raaderum.platform.web.security.Roles.KL_CURATOR;
import static dk.raaderum.platform.web.security.Roles.MUNICIPAL_SYSTEM;
import static dk.raaderum.platform.web.security.Roles.POLITICIAN;

import dk.raaderum.ideabank.service.CopyModels.CopyInput;
import dk.raaderum.ideabank.service.CopyModels.CopyView;
import dk.raaderum.ideabank.service.IdeaCopyRequests;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.platform.web.security.CrossMunicipality;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

import java.net.URI;
import java.util.UUID;

/** "Use this idea": a published idea as a draft proposal in one of the municipality's catalogs, and the outcome. */
@Path("/api/v1/municipalities/{municipalityCode}/idea-copies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Use an idea", description = "Copy a published idea into the municipality's catalog as a draft proposal")
@APIResponse(responseCode = "400", description = "A parameter or the body is not valid", content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or another municipality's catalog", content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class IdeaCopyResource {

    private final IdeaCopyRequests copies;
    private final Caller caller;

    public IdeaCopyResource(IdeaCopyRequests copies, Caller caller) {
        this.copies = copies;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ FINANCE_OFFICER, MUNICIPAL_SYSTEM })
    @Operation(summary = "Use an idea: make a draft proposal of it in one of the municipality's catalogs", description = """
            The idea bank records the request and sends the published idea to proposal-service, which makes a DRAFT
            proposal with origin IDEA_BANK in the catalog and area: title, texts, type, rationale and amounts carried
            over, the amounts moved onto the catalog's four years (the idea's first year becomes the catalog's budget
            year; a year the idea does not state takes the year before it). Answers 202 at once; Location (and href)
            is where the outcome is read: PENDING, then COMPLETED with the proposal, or FAILED with a problem saying
            why (catalog locked or adopted, area unknown in the catalog, idea withdrawn meanwhile, no such catalog).
            The same idea into the same catalog twice is 409 naming the first request or proposal.""")
    @APIResponse(responseCode = "202", description = "Accepted; Location is the request's outcome",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CopyView.class)))
    @APIResponse(responseCode = "404", description = "No such idea (or not one the caller may see)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The idea is not published (idea-not-published), or the catalog"
            + " already has it (already-copied: existingRequest, proposalId)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response request(@Parameter(example = "573") @PathParam("municipalityCode") String municipality,
            @NotNull @Valid CopyInput input) {
        CopyView copy = copies.request(caller.actor(), municipality, input);
        return Response.accepted(copy).location(URI.create(copy.href())).build();
    }

    @GET
    @Path("/{requestId}")
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, MUNICIPAL_SYSTEM, KL_CURATOR })
    @CrossMunicipality(KL_CURATOR)
    @Operation(summary = "The outcome of a \"use this idea\" request")
    @APIResponse(responseCode = "200", description = "PENDING, COMPLETED (proposal) or FAILED (problem)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CopyView.class)))
    @APIResponse(responseCode = "404", description = "No such request of the municipality", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CopyView get(@PathParam("municipalityCode") String municipality, @PathParam("requestId") String requestId) {
        return copies.get(municipality, uuid(requestId))
                .orElseThrow(() -> ProblemException.notFound("Copy request", requestId));
    }

    @GET
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, MUNICIPAL_SYSTEM, KL_CURATOR })
    @CrossMunicipality(KL_CURATOR)
    @Operation(summary = "The municipality's \"use this idea\" requests, newest first")
    @APIResponse(responseCode = "200", description = "A page of the municipality's requests")
    public PageOf<CopyView> list(@PathParam("municipalityCode") String municipality,
            @Parameter(description = "Only requests of this idea") @QueryParam("ideaId") Long ideaId,
            @Parameter(description = "Only requests into this catalog") @QueryParam("catalogId") Long catalogId,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return copies.list(municipality, ideaId, catalogId, page, size);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Copy request", id);
        }
    }
}
