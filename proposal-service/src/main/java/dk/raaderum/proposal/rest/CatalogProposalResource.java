package dk.raaderum.proposal.rest;

import static dk.raaderum.platform.web.security.Roles.FINANCE_OFFICER;
import static dk.raaderum.platform.web.security.Roles.KL_CURATOR;
import static dk.raaderum.platform.web.security.Roles.MUNICIPAL_SYSTEM;
import static dk.raaderum.platform.web.security.Roles.POLITICIAN;
import static dk.raaderum.platform.web.security.Roles.PROGRAM_OWNER;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.platform.web.security.CrossMunicipality;
import dk.raaderum.proposal.domain.OriginKind;
import dk.raaderum.proposal.domain.ProposalStatus;
import dk.raaderum.proposal.service.ProposalFilter;
import dk.raaderum.proposal.service.ProposalModels.ProposalInput;
import dk.raaderum.proposal.service.ProposalModels.ProposalSummary;
import dk.raaderum.proposal.service.ProposalModels.ProposalView;
import dk.raaderum.proposal.service.ProposalService;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

import java.util.List;

/** The proposals of one catalog: the list and writing new ones. */
@Path("/api/v1/municipalities/{municipalityCode}/catalogs/{catalogId}/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Proposals")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or another municipality",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such catalog in the municipality",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CatalogProposalResource {

    private final ProposalService proposals;
    private final Caller caller;

    public CatalogProposalResource(ProposalService proposals, Caller caller) {
        this.proposals = proposals;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, PROGRAM_OWNER, MUNICIPAL_SYSTEM, KL_CURATOR })
    @CrossMunicipality(KL_CURATOR)
    @Operation(summary = "List the catalog's proposals", description = "Only what your role may see: politicians what"
            + " has been presented plus their party's proposals; KL presented and adopted ones. Filters combine with"
            + " AND; repeated or comma-separated values combine with OR.")
    @APIResponse(responseCode = "400", description = "A filter, sort or page value is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PageOf<ProposalSummary> list(@PathParam("municipalityCode") String municipality,
            @PathParam("catalogId") long catalogId,
            @Parameter(description = "SAVING, EFFICIENCY, INVESTMENT, EXPANSION", example = "SAVING,EFFICIENCY") @QueryParam("type") List<String> type,
            @Parameter(description = "Area codes", example = "ÆLD") @QueryParam("area") List<String> area,
            @Parameter(description = "Committees", example = "Social- og Sundhedsudvalget") @QueryParam("committee") List<String> committee,
            @Parameter(description = "Statuses", example = "PRESENTED") @QueryParam("status") List<String> status,
            @Parameter(description = "Origins", example = "POLITICAL_PARTY") @QueryParam("origin") List<String> origin,
            @Parameter(description = "Free text in number, title and description, case-insensitive", example = "hjemmepleje")
            @QueryParam("q") @Size(max = 200) String text,
            @Parameter(description = "number, title, netTotal, area, type, status, createdAt; '-' first for descending;"
                    + " texts in Danish order (Z, Æ, Ø, Å), ties by id",
                    example = "netTotal") @QueryParam("sort") @DefaultValue("number") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        ProposalFilter filter = new ProposalFilter(QueryParams.enums("type", type, ProposalType.class),
                QueryParams.strings(area), QueryParams.strings(committee),
                QueryParams.enums("status", status, ProposalStatus.class),
                QueryParams.enums("origin", origin, OriginKind.class), text);
        return proposals.list(caller.actor(), municipality, catalogId, filter, sort, page, size);
    }

    @POST
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, MUNICIPAL_SYSTEM })
    @Operation(summary = "Write a new proposal", description = "Starts as DRAFT with the next number of its area (e.g."
            + " ÆLD-03). Politicians write for their own party (origin POLITICAL_PARTY). Amounts are whole kroner at"
            + " the catalog's price level; the type rules are checked (422 names the rule).")
    @APIResponse(responseCode = "201", description = "Created; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The catalog is not open", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A type or content rule is broken: catalog-years, creates-room,"
            + " no-net-cost, expansion-costs, investment-profile, saving-consequences, origin-details, unknown-area,"
            + " predecessor", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long catalogId,
            @NotNull @Valid ProposalInput input, @Context UriInfo uri) {
        ProposalView created = proposals.create(caller.actor(), municipality, catalogId, input);
        return Responses.created(uri.getBaseUriBuilder().path("api/v1/municipalities").path(municipality).path("proposals")
                .path(Long.toString(created.id())).build(), created, created.version());
    }
}
