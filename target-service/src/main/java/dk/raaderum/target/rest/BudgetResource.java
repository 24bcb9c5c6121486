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
import dk.raaderum.target.service.BudgetModels.BudgetImport;
import dk.raaderum.target.service.BudgetModels.BudgetSummary;
import dk.raaderum.target.service.BudgetModels.BudgetView;
import dk.raaderum.target.service.BudgetModels.Imported;
import dk.raaderum.target.service.BudgetService;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/municipalities/{municipalityCode}/budgets")
@Tag(name = "Base budgets", description = "The operating budget per policy area for the budget year and the three projection years")
@APIResponse(responseCode = "401", description = "No valid bearer token (problem+json `unauthenticated`)")
@APIResponse(responseCode = "403", description = "Another municipality (`wrong-municipality`) or a role that may not do this (`forbidden`)")
@APIResponse(responseCode = "404", description = "Not one of the 98 municipality codes (`unknown-municipality`) or no such resource (`not-found`)")
public class BudgetResource {

    private final BudgetService budgets;
    private final Caller caller;

    public BudgetResource(BudgetService budgets, Caller caller) {
        this.budgets = budgets;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "List the municipality's base budgets", description = "Newest budget year first, with the total operating budget per year.")
    @APIResponse(responseCode = "200", description = "A page of base budgets")
    @APIResponse(responseCode = "400", description = "Bad paging parameters (`validation`)")
    public PageOf<BudgetSummary> list(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, 1–100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return budgets.list(municipality, page, size);
    }

    @GET
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The municipality's base budgets as CSV", description = "One line per budget and year with the total operating budget (at most 1000 budgets).")
    @APIResponse(responseCode = "200", description = "CSV")
    public Response listCsv(@PathParam("municipalityCode") String municipality) {
        return CsvViews.budgets(municipality, budgets.list(municipality, 0, CsvViews.LIMIT).items());
    }

    @GET
    @Path("/{budgetYear}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "Read the base budget of a budget year", description = "Every area with its operating budget for the four years, and the totals. The ETag is the version to send in If-Match when replacing it. `Accept: text/csv` gives the CSV the import reads.")
    @APIResponse(responseCode = "200", description = "The base budget",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BudgetView.class)))
    public Response get(@Parameter(example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(example = "2027") @PathParam("budgetYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear) {
        BudgetView view = find(municipality, budgetYear);
        return Responses.versioned(view, view.version());
    }

    @GET
    @Path("/{budgetYear}")
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The base budget as CSV", description = "kode;navn;hovedkonto;udvalg;2027;2028;2029;2030 (Danish Excel: `;`, UTF-8 with BOM); the same layout the CSV import reads.")
    @APIResponse(responseCode = "200", description = "The base budget as CSV")
    public Response getCsv(@PathParam("municipalityCode") String municipality,
            @PathParam("budgetYear") @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear) {
        return CsvViews.budget(find(municipality, budgetYear));
    }

    @PUT
    @Path("/{budgetYear}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "Import the base budget of a budget year (JSON)", description = "Creates the budget (201) or replaces it (200; send If-Match or `version`). Every row is checked; one bad row rejects the whole import with a 422 `business-rule` (rule `budget-rows`) that lists every bad row by number. Allocation rounds already made keep the budget they rested on.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BudgetView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BudgetView.class)))
    @APIResponse(responseCode = "400", description = "The body is not a budget import (`validation`, `malformed-request`)")
    @APIResponse(responseCode = "409", description = "`version` is not the current one (`concurrent-modification`)")
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag (`precondition-failed`)")
    @APIResponse(responseCode = "422", description = "Bad rows (rule `budget-rows`), with `errors[]` per row; once the municipality has a register of policy areas, codes it lacks or has retired (rule `area-not-in-register`, naming code and row). Without a register the answer carries the warning `area-register-missing`")
    public Response importJson(@Parameter(example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(example = "2027") @PathParam("budgetYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear,
            @Parameter(description = "The ETag you read, when replacing") @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid BudgetImport request, @Context UriInfo uri) {
        return imported(uri, budgets.importJson(caller.actor(), municipality, budgetYear, request,
                EntityTags.parseIfMatch(ifMatch)));
    }

    @PUT
    @Path("/{budgetYear}")
    @Consumes({ "text/csv", "application/csv" })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "Import the base budget of a budget year (CSV)", description = "Header kode;navn;hovedkonto;udvalg;2027;2028;2029;2030 (columns by name, any order; `code`, `name`, `mainAccount`, `committee` also accepted), then one line per area. `;` (or `,`/tab) between fields, UTF-8 (a BOM is fine), amounts in whole kroner (612000000 or 612.000.000). All lines or none: a 422 lists every bad line by its line number.")
    @RequestBody(description = "The CSV file")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BudgetView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BudgetView.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag (`precondition-failed`)")
    @APIResponse(responseCode = "422", description = "A bad header (rule `csv-header`) or bad lines (rule `budget-rows`), with `errors[]` per line; codes outside the register of policy areas (rule `area-not-in-register`, naming code and line)")
    public Response importCsv(@PathParam("municipalityCode") String municipality,
            @PathParam("budgetYear") @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear,
            @Parameter(description = "Price level of the amounts; defaults to the budget year", example = "2027")
            @QueryParam("priceLevelYear") @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer priceLevelYear,
            @HeaderParam("If-Match") String ifMatch, @Context HttpHeaders headers, @Context UriInfo uri, byte[] csv) {
        return imported(uri, budgets.importCsv(caller.actor(), municipality, budgetYear, priceLevelYear,
                CsvBodies.text(csv, headers.getMediaType()),
                EntityTags.parseIfMatch(ifMatch)));
    }

    private BudgetView find(String municipality, int budgetYear) {
        return budgets.get(municipality, budgetYear)
                .orElseThrow(() -> ProblemException.notFound("Base budget", budgetYear));
    }

    private static Response imported(UriInfo uri, Imported imported) {
        return Responses.saved(uri, imported.created(), imported.budget(), imported.budget().version());
    }
}
