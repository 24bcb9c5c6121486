package dk.raaderum.ideabank.rest;

import static dk.raaderum.platform.web.security.Roles.FINANCE_OFFICER;
import static dk.raaderum.platform.web.security.Roles.KL_CURATOR;
import static dk.raaderum.platform.web.security.Roles.MUNICIPAL_SYSTEM;
import static dk.raaderum.platform.web.security.Roles.POLITICIAN;
import static dk.raaderum.platform.web.security.Roles.PROGRAM_OWNER;

import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.service.IdeaModels.IdeaInput;
import dk.raaderum.ideabank.service.IdeaModels.IdeaSummary;
import dk.raaderum.ideabank.service.IdeaModels.IdeaView;
import dk.raaderum.ideabank.service.IdeaModels.ReasonInput;
import dk.raaderum.ideabank.service.IdeaQueries;
import dk.raaderum.ideabank.service.IdeaSubmissions;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.Problem;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** A municipality's own ideas: submit one for KL to curate, change it while it waits, withdraw it, list them all. */
@Path("/api/v1/municipalities/{municipalityCode}/ideas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Ideas of a municipality", description = "Submissions to the idea bank and their fate")
@APIResponse(responseCode = "400", description = "A parameter or the body is not valid", content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or another municipality", content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MunicipalIdeaResource {

    private final IdeaSubmissions submissions;
    private final IdeaQueries queries;
    private final Caller caller;

    public MunicipalIdeaResource(IdeaSubmissions submissions, IdeaQueries queries, Caller caller) {
        this.submissions = submissions;
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, PROGRAM_OWNER, MUNICIPAL_SYSTEM, KL_CURATOR })
    @CrossMunicipality(KL_CURATOR)
    @Operation(summary = "The municipality's ideas in any status", description = "Its submissions, its shared proposals"
            + " and KL's imports of its budgets: submitted, published, rejected, merged or withdrawn. Newest first.")
    @APIResponse(responseCode = "200", description = "A page of the municipality's ideas")
    public PageOf<IdeaSummary> list(@Parameter(example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "SUBMITTED, PUBLISHED, REJECTED, MERGED, WITHDRAWN; all when left out") @QueryParam("status") List<String> status,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return queries.ofMunicipality(municipality, QueryParams.enums("status", status, IdeaStatus.class), page, size);
    }

    @POST
    @RolesAllowed({ FINANCE_OFFICER, MUNICIPAL_SYSTEM })
    @Operation(summary = "Submit an idea for the idea bank", description = """
            The idea goes into KL's curation queue (SUBMITTED). The type rules are the catalog's: a SAVING or
            EFFICIENCY creates room (negative amounts) and costs nothing in any year, an EXPANSION costs, an
            INVESTMENT states its investment cost; a SAVING, and any idea that reduces service, states its
            consequences. Amounts for the four budget years are required. The municipality's own number of the
            proposal is unique per budget year (409 names the idea that has it).""")
    @APIResponse(responseCode = "201", description = "Submitted; Location is the idea",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IdeaView.class)))
    @APIResponse(responseCode = "409", description = "The number is taken", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A type or content rule is broken (rule names the rule)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response submit(@PathParam("municipalityCode") String municipality, @NotNull @Valid IdeaInput input,
            @Context UriInfo uri) {
        IdeaView idea = submissions.submit(caller.actor(), municipality, input);
        return Responses.created(URI.create(uri.getBaseUri() + "api/v1/ideas/" + idea.id()), idea, idea.version());
    }

    @PUT
    @Path("/{ideaId}")
    @RolesAllowed({ FINANCE_OFFICER, MUNICIPAL_SYSTEM })
    @Operation(summary = "Change a submission", description = "While it waits in KL's queue. Send If-Match with the ETag"
            + " you read, or the version in the body.")
    @APIResponse(responseCode = "404", description = "No such idea of the municipality", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "No longer in the queue (invalid-transition), changed by someone else,"
            + " or the number is taken", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match does not match", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A type or content rule is broken", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The changed idea; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IdeaView.class)))
    public Response update(@PathParam("municipalityCode") String municipality, @PathParam("ideaId") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid IdeaInput input) {
        IdeaView idea = submissions.update(caller.actor(), municipality, id, input, EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(idea, idea.version());
    }

    @POST
    @Path("/{ideaId}/withdraw")
    @RolesAllowed({ FINANCE_OFFICER, MUNICIPAL_SYSTEM })
    @Operation(summary = "Withdraw an idea from the bank", description = "In any status but withdrawn; it leaves search and"
            + " its family, stays readable to the municipality and KL, and idea.withdrawn is published.")
    @APIResponse(responseCode = "404", description = "No such idea of the municipality", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Withdrawn already, or changed by someone else", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match does not match", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The withdrawn idea; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IdeaView.class)))
    public Response withdraw(@PathParam("municipalityCode") String municipality, @PathParam("ideaId") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid ReasonInput input) {
        IdeaView idea = submissions.withdraw(caller.actor(), municipality, id, input, EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(idea, idea.version());
    }
}
