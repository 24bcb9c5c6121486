package dk.raaderum.followup.rest;

import dk.raaderum.followup.service.DecisionModels.DecisionInput;
import dk.raaderum.followup.service.DecisionModels.DecisionView;
import dk.raaderum.followup.service.DecisionService;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.platform.web.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/municipalities/{municipalityCode}/initiatives/{id}/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions", description = "Continue, adjust, terminate, scale up or share an initiative")
public class DecisionResource {

    private final DecisionService decisions;
    private final Caller caller;

    public DecisionResource(DecisionService decisions, Caller caller) {
        this.decisions = decisions;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN })
    @Operation(summary = "Record a decision on an initiative", description = """
            CONTINUE; ADJUST (reason + the new expected gain of the years it changes; a reported year is fixed, 0 ends
            a year's follow-up, the slots follow); TERMINATE (reason; open slots close, and adopted − realised per
            year is the unrealised remainder, a budget risk; event initiative.terminated); SCALE_UP (scaleUpAreas;
            event initiative.scaled-up); SHARE (needs a report; offered with its realised evidence to the idea bank,
            event initiative.shared). ADJUST, TERMINATE and SCALE_UP are taken by a body and registered by a finance
            officer on its behalf (a politician gets 403), naming decidingBody (COUNCIL, FINANCE_COMMITTEE,
            STANDING_COMMITTEE with decidingBodyName, EXECUTIVE_BOARD) and decisionReference (e.g. "ØU 2027-03-14 pkt.
            7"); CONTINUE and SHARE are open to politicians too, body and meeting optional. Send If-Match (412) or the
            version you read (409). Rules: reason-required, governance-required (errors name each missing field),
            not-a-deciding-body, adjust-needs-profile, scale-up-needs-areas, share-needs-report,
            field-not-for-decision, reported-year-fixed, duplicate-year, year-outside-horizon.""")
    @APIResponse(responseCode = "201", description = "Recorded; Location of the decision", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "400", description = "The body is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another municipality, neither a finance officer nor a politician, or a politician registering ADJUST, TERMINATE or SCALE_UP", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such initiative in the municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "initiative-terminated, or concurrent-modification (stale version)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A rule is broken (see the description)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response decide(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Initiative id") @PathParam("id") long id,
            @Parameter(description = "The initiative's ETag you read, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid DecisionInput input, @Context UriInfo uri) {
        DecisionView view = decisions.decide(caller.actor(), municipality, id, input, EntityTags.parseIfMatch(ifMatch));
        return Responses.created(uri, view.id(), view);
    }

    @GET
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The initiative's decisions", description = "Newest first, each with the figures per year it was taken on, the deciding body and the meeting.")
    @APIResponse(responseCode = "200", description = "A page of decisions")
    @APIResponse(responseCode = "400", description = "The page is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such initiative in the municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<DecisionView> history(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Initiative id") @PathParam("id") long id,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return decisions.history(municipality, id, page, size);
    }

    @GET
    @Path("/{decisionId}")
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "One decision", description = "With the figures per year it was taken on.")
    @APIResponse(responseCode = "200", description = "The decision")
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such initiative or decision", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DecisionView get(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Initiative id") @PathParam("id") long id,
            @Parameter(description = "Decision id") @PathParam("decisionId") long decisionId) {
        return decisions.get(municipality, id, decisionId).orElseThrow(() -> ProblemException.notFound("Decision", decisionId));
    }
}
