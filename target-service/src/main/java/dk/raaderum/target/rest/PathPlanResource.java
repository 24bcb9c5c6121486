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
import dk.raaderum.target.service.PathPlanModels.PathPlanInput;
import dk.raaderum.target.service.PathPlanModels.PathPlanSummary;
import dk.raaderum.target.service.PathPlanModels.PathPlanView;
import dk.raaderum.target.service.PathPlanModels.Saved;
import dk.raaderum.target.service.PathPlanService;

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

@Path("/api/v1/municipalities/{municipalityCode}/path-plans")
@Tag(name = "Five paths", description = "The five paths to fiscal room in one plan per budget year")
@APIResponse(responseCode = "401", description = "No valid bearer token (problem+json `unauthenticated`)")
@APIResponse(responseCode = "403", description = "Another municipality (`wrong-municipality`) or a role that may not do this (`forbidden`)")
@APIResponse(responseCode = "404", description = "Not one of the 98 municipality codes (`unknown-municipality`) or no plan for the year (`not-found`)")
public class PathPlanResource {

    private final PathPlanService plans;
    private final Caller caller;

    public PathPlanResource(PathPlanService plans, Caller caller) {
        this.plans = plans;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "List the municipality's plans", description = "Newest budget year first.")
    @APIResponse(responseCode = "200", description = "A page of plans")
    @APIResponse(responseCode = "400", description = "Bad paging parameters (`validation`)")
    public PageOf<PathPlanSummary> list(@Parameter(example = "573") @PathParam("municipalityCode") String municipality,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return plans.list(municipality, page, size);
    }

    @GET
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The municipality's plans as CSV", description = "One line per plan (at most 1000).")
    @APIResponse(responseCode = "200", description = "CSV")
    public Response listCsv(@PathParam("municipalityCode") String municipality) {
        return CsvViews.plans(municipality, plans.list(municipality, 0, CsvViews.LIMIT).items());
    }

    @GET
    @Path("/{budgetYear}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The five paths of a budget year", description = """
            Room per path per year: QUIET (withheld price/wage or demography compensation, percent × area budget), \
            DIRECT (frame reduction percent × budget of the areas not exempted), BROAD (adopted SAVING and EFFICIENCY \
            proposals), CROSS_CUTTING (adopted INVESTMENT proposals, net per year), NARROW (realised potential of the \
            chosen analyses); the total against the room needed, the gap and each path's share. Adopted expansions are \
            shown separately as room spent. Every amount is at one price level, the base budget's (the budget year \
            without one), as coverage: adopted proposals are PL-regulated from their catalog's level, a target's \
            requirement from its allocation round's; `priceLevel` {year, convertedFrom: [...]} on the plan and each \
            path, {year, convertedFrom} on each item and `roomNeededPriceLevel`. Quiet and direct are percentages of \
            the base budget (at the plan's level); realised potential states no level and is taken as at the plan's \
            (a note says so).""")
    @APIResponse(responseCode = "200", description = "The plan, computed now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PathPlanView.class)))
    @APIResponse(responseCode = "422", description = "The price index lacks a year a conversion needs (`price-level-missing`, member `year`)")
    public Response get(@PathParam("municipalityCode") String municipality,
            @Parameter(example = "2027") @PathParam("budgetYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear) {
        PathPlanView view = find(municipality, budgetYear);
        return Responses.versioned(view, view.version());
    }

    @GET
    @Path("/{budgetYear}")
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The five paths as CSV", description = "One line per path with the years, total and share; then total, need, gap, expansions, net room, and the items of each path. Every line says its price level (`prisniveau`) and the levels its amounts were converted from (`omregnet_fra`, space-separated, empty when none).")
    @APIResponse(responseCode = "200", description = "CSV")
    @APIResponse(responseCode = "422", description = "The price index lacks a year a conversion needs (`price-level-missing`, member `year`)")
    public Response getCsv(@PathParam("municipalityCode") String municipality,
            @PathParam("budgetYear") @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear) {
        return CsvViews.plan(find(municipality, budgetYear));
    }

    @PUT
    @Path("/{budgetYear}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Create or replace the plan of a budget year", description = "Send If-Match or `version` when replacing. The quiet and direct paths need the base budget of the year.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PathPlanView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PathPlanView.class)))
    @APIResponse(responseCode = "400", description = "Not valid (`validation`), e.g. a percent above 10")
    @APIResponse(responseCode = "409", description = "`version` is stale (`concurrent-modification`)")
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag (`precondition-failed`)")
    @APIResponse(responseCode = "422", description = "Rules `path-plan` (unknown areas, years, target or analyses) and `base-budget-required`; `price-level-missing` when the plan's answer needs a year the price index lacks (nothing is saved)")
    public Response save(@PathParam("municipalityCode") String municipality,
            @PathParam("budgetYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid PathPlanInput input, @Context UriInfo uri) {
        Saved saved = plans.save(caller.actor(), municipality, budgetYear, input, EntityTags.parseIfMatch(ifMatch));
        return Responses.saved(uri, saved.created(), saved.plan(), saved.plan().version());
    }

    @DELETE
    @Path("/{budgetYear}")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Delete the plan of a budget year", description = "Adopted proposals and analyses are not touched.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag (`precondition-failed`)")
    public Response delete(@PathParam("municipalityCode") String municipality,
            @PathParam("budgetYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear, @HeaderParam("If-Match") String ifMatch) {
        plans.delete(caller.actor(), municipality, budgetYear, EntityTags.parseIfMatch(ifMatch));
        return Response.noContent().build();
    }

    private PathPlanView find(String municipality, int budgetYear) {
        return plans.get(municipality, budgetYear).orElseThrow(() -> ProblemException.notFound("Path plan", budgetYear));
    }
}
