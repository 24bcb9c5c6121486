package dk.raaderum.target.rest;

import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.platform.web.security.Roles;
import dk.raaderum.target.service.AllocationModels.AllocationRequest;
import dk.raaderum.target.service.AllocationModels.AllocationView;
import dk.raaderum.target.service.AllocationModels.RoundSummary;
import dk.raaderum.target.service.AllocationService;

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

@Path("/api/v1/municipalities/{municipalityCode}/targets/{targetId}/allocations")
@Tag(name = "Allocation rounds", description = "A target split over the policy areas: immutable, versioned rounds")
@APIResponse(responseCode = "401", description = "No valid bearer token (problem+json `unauthenticated`)")
@APIResponse(responseCode = "403", description = "Another municipality (`wrong-municipality`) or a role that may not do this (`forbidden`)")
@APIResponse(responseCode = "404", description = "Not one of the 98 municipality codes (`unknown-municipality`), no such target or round (`not-found`)")
public class AllocationResource {

    private final AllocationService allocations;
    private final Caller caller;

    public AllocationResource(AllocationService allocations, Caller caller) {
        this.allocations = allocations;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Allocate the target over the areas (a new round)", description = """
            Splits the room the target requires in each year over the areas of the base budget: manual amounts first, the \
            remainder by the key (UNIFORM: area budget; DIFFERENTIATED: budget × clamp(1 + sensitivity × (index/100 − 1), \
            floor, cap); CUSTOM: weights) times each area's reduction factor, exempt areas zero. The amounts are multiples \
            of the rounding unit and sum exactly to the target in every year (largest remainder; ties by weight, then area \
            code). The round is immutable and numbered; for an ADOPTED target it is published at once as \
            `target.allocated`.""")
    @APIResponse(responseCode = "201", description = "The new round; Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllocationView.class)))
    @APIResponse(responseCode = "400", description = "Not valid (`validation`), e.g. a reduction factor above 1")
    @APIResponse(responseCode = "409", description = "The target changed meanwhile (`concurrent-modification`, also on a lost race for the round number)")
    @APIResponse(responseCode = "412", description = "If-Match is not the target's current ETag (`precondition-failed`)")
    @APIResponse(responseCode = "422", description = "Rules `base-budget-required`, `area-settings`, `manual-exceeds-target`, `no-area-to-carry`, `rounding-unit`, `custom-weights`, `key-settings`, `index-source`, `unknown-potential-analysis`, `differentiated-function`, `area-not-in-register` (the base budget has an area the register of policy areas lacks or has retired)")
    public Response allocate(@Parameter(example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(example = "1") @PathParam("targetId") long targetId,
            @Parameter(description = "The target's ETag you read") @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid AllocationRequest request, @Context UriInfo uri) {
        AllocationView view = allocations.allocate(caller.actor(), municipality, targetId, request,
                EntityTags.parseIfMatch(ifMatch));
        return Responses.created(uri, view.round(), view);
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Try an allocation without storing it", description = "The same calculation as a new round; nothing is stored or published.")
    @APIResponse(responseCode = "200", description = "The allocation it would make")
    @APIResponse(responseCode = "400", description = "Not valid (`validation`)")
    @APIResponse(responseCode = "422", description = "The same rules as a new round")
    public AllocationView preview(@PathParam("municipalityCode") String municipality, @PathParam("targetId") long targetId,
            @NotNull @Valid AllocationRequest request) {
        return allocations.preview(caller.actor(), municipality, targetId, request);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The target's rounds", description = "Newest first: who, when, why, the key and the totals.")
    @APIResponse(responseCode = "200", description = "A page of rounds")
    @APIResponse(responseCode = "400", description = "Bad paging parameters (`validation`)")
    public PageOf<RoundSummary> rounds(@PathParam("municipalityCode") String municipality,
            @PathParam("targetId") long targetId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return allocations.rounds(municipality, targetId, page, size);
    }

    @GET
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The target's rounds as CSV", description = "One line per round and year with what was allocated (at most 1000 rounds).")
    @APIResponse(responseCode = "200", description = "CSV")
    public Response roundsCsv(@PathParam("municipalityCode") String municipality, @PathParam("targetId") long targetId) {
        return CsvViews.rounds(municipality, targetId, allocations.rounds(municipality, targetId, 0, CsvViews.LIMIT).items());
    }

    @GET
    @Path("/current")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The target's newest round", description = "Per area and year the room to create, the budget it rests on and how the key treated the area.")
    @APIResponse(responseCode = "200", description = "The round")
    public AllocationView current(@PathParam("municipalityCode") String municipality, @PathParam("targetId") long targetId) {
        return allocations.current(municipality, targetId)
                .orElseThrow(() -> ProblemException.notFound("Allocation round of target", targetId));
    }

    @GET
    @Path("/current")
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The target's newest round as CSV", description = "One line per area and year.")
    @APIResponse(responseCode = "200", description = "CSV")
    public Response currentCsv(@PathParam("municipalityCode") String municipality, @PathParam("targetId") long targetId) {
        return CsvViews.allocation(municipality, current(municipality, targetId));
    }

    @GET
    @Path("/{round: \\d+}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "One round", description = "Rounds are immutable: this is exactly what was allocated and, if published, sent.")
    @APIResponse(responseCode = "200", description = "The round")
    public AllocationView round(@PathParam("municipalityCode") String municipality, @PathParam("targetId") long targetId,
            @Parameter(example = "1") @PathParam("round") int round) {
        return allocations.round(municipality, targetId, round)
                .orElseThrow(() -> ProblemException.notFound("Allocation round", round));
    }

    @GET
    @Path("/{round: \\d+}")
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "One round as CSV", description = "One line per area and year.")
    @APIResponse(responseCode = "200", description = "CSV")
    public Response roundCsv(@PathParam("municipalityCode") String municipality, @PathParam("targetId") long targetId,
            @PathParam("round") int round) {
        return CsvViews.allocation(municipality, round(municipality, targetId, round));
    }
}
