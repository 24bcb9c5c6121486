package dk.raaderum.target.rest;

import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.platform.web.security.Roles;
import dk.raaderum.target.domain.TargetStatus;
import dk.raaderum.target.service.TargetModels.Adoption;
import dk.raaderum.target.service.TargetModels.TargetInput;
import dk.raaderum.target.service.TargetModels.TargetView;
import dk.raaderum.target.service.TargetService;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

@Path("/api/v1/municipalities/{municipalityCode}/targets")
@Tag(name = "Targets", description = "Efficiency targets (effektiviseringsmål) of the economic policy")
@APIResponse(responseCode = "401", description = "No valid bearer token (problem+json `unauthenticated`)")
@APIResponse(responseCode = "403", description = "Another municipality (`wrong-municipality`) or a role that may not do this (`forbidden`)")
@APIResponse(responseCode = "404", description = "Not one of the 98 municipality codes (`unknown-municipality`) or no such target (`not-found`)")
public class TargetResource {

    private final TargetService targets;
    private final Caller caller;

    public TargetResource(TargetService targets, Caller caller) {
        this.targets = targets;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "List the municipality's targets", description = "Newest budget year first; each with the room it requires per year (a PERCENT target needs the base budget for that).")
    @APIResponse(responseCode = "200", description = "A page of targets")
    @APIResponse(responseCode = "400", description = "Bad paging or filter parameters (`validation`)")
    public PageOf<TargetView> list(@Parameter(example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Only this budget year", example = "2027") @QueryParam("budgetYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer budgetYear,
            @Parameter(description = "Only DRAFT or ADOPTED targets") @QueryParam("status") TargetStatus status,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, 1–100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return targets.list(municipality, budgetYear, status, page, size);
    }

    @GET
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The municipality's targets as CSV", description = "One line per target and year (at most 1000 targets), with the same filters.")
    @APIResponse(responseCode = "200", description = "CSV")
    public Response listCsv(@PathParam("municipalityCode") String municipality,
            @QueryParam("budgetYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer budgetYear, @QueryParam("status") TargetStatus status) {
        return CsvViews.targets(municipality, targets.list(municipality, budgetYear, status, 0, CsvViews.LIMIT).items());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Set a new efficiency target (DRAFT)", description = "A percent of the total operating budget (0–10 %) or an amount, for the budget year only (one-year) or more years (multi-year); `mode` states whether the years add up (ANNUAL_NEW) or each year is the whole requirement (LEVEL).")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "400", description = "Not valid (`validation`), e.g. a percent outside 0–10")
    @APIResponse(responseCode = "422", description = "Years outside the horizon or figures that do not fit the kind (rule `target-years`), nothing asked (rule `target-positive`)")
    public Response create(@Parameter(example = "573") @PathParam("municipalityCode") String municipality,
            @NotNull @Valid TargetInput input, @Context UriInfo uri) {
        TargetView view = targets.create(caller.actor(), municipality, input);
        return Responses.created(uri, view.id(), view, view.version());
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "Read a target", description = "With the room it requires per year (new and cumulative), its status and rounds. The ETag is the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The target",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetView.class)))
    public Response get(@PathParam("municipalityCode") String municipality, @Parameter(example = "1") @PathParam("id") long id) {
        TargetView view = find(municipality, id);
        return Responses.versioned(view, view.version());
    }

    @GET
    @Path("/{id}")
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "A target as CSV", description = "One line per year.")
    @APIResponse(responseCode = "200", description = "CSV")
    public Response getCsv(@PathParam("municipalityCode") String municipality, @PathParam("id") long id) {
        return CsvViews.targets(municipality, List.of(find(municipality, id)));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Change a DRAFT target", description = "Replaces its definition; send If-Match or `version`. Rounds already made stay as they were.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "400", description = "Not valid (`validation`)")
    @APIResponse(responseCode = "409", description = "Adopted (`target-adopted`) or `version` is stale (`concurrent-modification`)")
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag (`precondition-failed`)")
    @APIResponse(responseCode = "422", description = "Rules `target-years`, `target-positive`, `budget-year-fixed`")
    public Response update(@PathParam("municipalityCode") String municipality, @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid TargetInput input) {
        TargetView view = targets.update(caller.actor(), municipality, id, input, EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(view, view.version());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Delete a DRAFT target", description = "With its rounds. Adopted targets are kept.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Adopted (`target-adopted`)")
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag (`precondition-failed`)")
    public Response delete(@PathParam("municipalityCode") String municipality, @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch) {
        targets.delete(caller.actor(), municipality, id, EntityTags.parseIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/adopt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Record the political decision that adopts the target", description = "DRAFT → ADOPTED. Its current allocation round (if any) is published as `target.allocated` and starts counting in coverage; every later round is published as it is made. The definition is then fixed.")
    @APIResponse(responseCode = "200", description = "Adopted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "400", description = "No decision reference (`validation`)")
    @APIResponse(responseCode = "409", description = "Adopted already (`target-adopted`) or `version` is stale (`concurrent-modification`)")
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag (`precondition-failed`)")
    public Response adopt(@PathParam("municipalityCode") String municipality, @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid Adoption adoption) {
        TargetView view = targets.adopt(caller.actor(), municipality, id, adoption, EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(view, view.version());
    }

    private TargetView find(String municipality, long id) {
        return targets.get(municipality, id).orElseThrow(() -> ProblemException.notFound("Target", id));
    }
}
