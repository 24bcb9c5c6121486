package dk.raaderum.ideabank.rest;

import static dk.raaderum.platform.web.security.Roles.KL_CURATOR;

import dk.raaderum.ideabank.service.Curation;
import dk.raaderum.ideabank.service.IdeaModels.DuplicateView;
import dk.raaderum.ideabank.service.IdeaModels.IdeaSummary;
import dk.raaderum.ideabank.service.IdeaModels.IdeaView;
import dk.raaderum.ideabank.service.IdeaModels.LinkInput;
import dk.raaderum.ideabank.service.IdeaModels.LinkView;
import dk.raaderum.ideabank.service.IdeaModels.MergeInput;
import dk.raaderum.ideabank.service.IdeaModels.PublishInput;
import dk.raaderum.ideabank.service.IdeaModels.ReasonInput;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.security.Caller;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** KL's curation of the idea bank (role kl-curator: KL's staff and the kl-aggregator client). */
@Path("/api/v1/kl/ideas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(KL_CURATOR)
@Tag(name = "KL: idea curation", description = "The queue, publishing, rejecting, families, links and duplicates")
@APIResponse(responseCode = "400", description = "A parameter or the body is not valid", content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a KL curator", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such idea, link or candidate", content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CurationResource {

    static final String ACCEPT_EXAMPLE = """
            {"acceptSourceCorrection": true, "comment": "Rettelsen fra budgetkataloget taget ind", "version": 4}""";

    private final Curation curation;
    private final Caller caller;

    public CurationResource(Curation curation, Caller caller) {
        this.curation = curation;
        this.caller = caller;
    }

    @GET
    @Path("/queue")
    @Operation(summary = "Submissions waiting for curation, oldest first", description = "From municipalities (their"
            + " own submissions and shared proposals) and imports that were not published at once.")
    @APIResponse(responseCode = "200", description = "A page of submissions")
    public PageOf<IdeaSummary> queue(
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return curation.queue(page, size);
    }

    @GET
    @Path("/source-corrections")
    @Operation(summary = "Curated ideas holding a correction of their source proposal, oldest first", description = """
            A finance officer corrected a shared proposal after it was presented (proposal.corrected) when KL had
            already published or rejected its idea: KL's text stays, and the idea shows the correction
            (sourceCorrection: when, why, and what taking it in would change) until KL publishes it with
            acceptSourceCorrection true (taken in) or false (dismissed). A submission still in the queue takes a
            correction at once and is never listed here.""")
    @APIResponse(responseCode = "200", description = "A page of ideas holding a correction")
    public PageOf<IdeaSummary> sourceCorrections(
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return curation.sourceCorrections(page, size);
    }

    @POST
    @Path("/{ideaId}/publish")
    @Operation(summary = "Publish an idea, correcting type, area and tags if needed", description = """
            A submission (or a rejected idea) becomes visible to every municipality and as open data; a published
            idea takes the corrections as a new version. A corrected type is held to the type rules (a corrected
            type usually needs a new classificationRationale). idea.published carries the whole idea. An idea holding
            a correction of its source proposal (sourceCorrection) takes it in with acceptSourceCorrection true (its
            texts, type and rationale, amounts and number; summary, area, tags and reduces-service stay KL's; the
            corrections of this request apply after it) and drops it with false (recorded as
            SOURCE_CORRECTION_DISMISSED); without the member it keeps waiting.""")
    @APIResponse(responseCode = "409", description = "Its status does not allow publishing (invalid-transition), or"
            + " changed by someone else", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match does not match", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "The corrected idea breaks a rule", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The published idea; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IdeaView.class)))
    public Response publish(@PathParam("ideaId") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PublishInput.class), examples = @ExampleObject(
                            name = "take in a correction of the source proposal", value = ACCEPT_EXAMPLE)))
            PublishInput input) {
        return versioned(curation.publish(caller.actor(), id, input, EntityTags.parseIfMatch(ifMatch)));
    }

    @POST
    @Path("/{ideaId}/reject")
    @Operation(summary = "Reject a submission, with a reason", description = "The municipality sees the reason in the"
            + " idea's history; idea.rejected is published.")
    @APIResponse(responseCode = "409", description = "Not a submission (invalid-transition), or changed by someone else",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match does not match", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The rejected idea; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IdeaView.class)))
    public Response reject(@PathParam("ideaId") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ReasonInput input) {
        return versioned(curation.reject(caller.actor(), id, input, EntityTags.parseIfMatch(ifMatch)));
    }

    @POST
    @Path("/{ideaId}/merge")
    @Operation(summary = "Merge the idea into another idea's family (mark it a duplicate)", description = """
            The idea becomes a member (MERGED) of the family whose primary idea is intoIdeaId: it keeps its
            municipality, budget year and amounts, and its municipality is credited to the primary idea (search
            filters and counts families by all their municipalities). Nothing is deleted; unmerge undoes it.""")
    @APIResponse(responseCode = "409", description = "Already in that family, or its status does not allow it",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match does not match", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "merge-into-member (merge into the family's primary idea),"
            + " merge-family-primary, merge-target, merge-self", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The merged idea; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IdeaView.class)))
    public Response merge(@PathParam("ideaId") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid MergeInput input) {
        return versioned(curation.merge(caller.actor(), id, input, EntityTags.parseIfMatch(ifMatch)));
    }

    @POST
    @Path("/{ideaId}/unmerge")
    @Operation(summary = "Undo a merge", description = "The idea leaves the family and returns to the status it had"
            + " before; idea.merge-undone is published.")
    @APIResponse(responseCode = "409", description = "The idea is not merged", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match does not match", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The idea, back in its earlier status; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IdeaView.class)))
    public Response unmerge(@PathParam("ideaId") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ReasonInput input) {
        return versioned(curation.unmerge(caller.actor(), id, input, EntityTags.parseIfMatch(ifMatch)));
    }

    @POST
    @Path("/{ideaId}/links")
    @Operation(summary = "Link the idea to another", description = "SIMILAR_TO (both ways), VARIANT_OF or PART_OF (from"
            + " this idea to toIdeaId). Clears a duplicate candidate of the pair.")
    @APIResponse(responseCode = "201", description = "Linked", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LinkView.class)))
    @APIResponse(responseCode = "409", description = "The link exists", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "link-self", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response link(@PathParam("ideaId") long id, @NotNull @Valid LinkInput input,
            @Context UriInfo uri) {
        LinkView link = curation.link(caller.actor(), id, input);
        return Responses.created(uri, link.id(), link);
    }

    @DELETE
    @Path("/{ideaId}/links/{linkId}")
    @Operation(summary = "Remove a link, with a reason")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response unlink(@PathParam("ideaId") long id, @PathParam("linkId") long linkId,
            @Parameter(description = "Why", required = true) @QueryParam("reason") @NotBlank @Size(max = 2000) String reason) {
        curation.unlink(caller.actor(), id, linkId, reason.strip());
        return Response.noContent().build();
    }

    @GET
    @Path("/duplicates")
    @Operation(summary = "Open duplicate candidates, newest first", description = """
            Pairs of submitted or published ideas the background scan found alike (score ≥
            raaderum.idea-bank.duplicates.threshold, from title similarity, shared significant words and the same
            area; never an idea with itself, never on common words alone). Curation clears a pair by merging,
            linking or dismissing it.""")
    @APIResponse(responseCode = "200", description = "A page of duplicate candidates, newest first")
    public PageOf<DuplicateView> duplicates(
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return curation.duplicates(page, size);
    }

    @POST
    @Path("/duplicates/{candidateId}/dismiss")
    @Operation(summary = "Not the same idea: dismiss the pair, with a reason", description = "The pair is never proposed"
            + " again; idea.duplicate-dismissed is published.")
    @APIResponse(responseCode = "409", description = "Cleared already", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The dismissed candidate")
    public DuplicateView dismiss(@PathParam("candidateId") long candidateId, @NotNull @Valid ReasonInput input) {
        return curation.dismiss(caller.actor(), candidateId, input);
    }

    private static Response versioned(IdeaView idea) {
        return Responses.versioned(idea, idea.version());
    }
}
