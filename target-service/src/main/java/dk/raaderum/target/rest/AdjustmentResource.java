package dk.raaderum.target.rest;

import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.platform.web.security.Roles;
import dk.raaderum.target.service.AdjustmentModels.AdjustmentsView;
import dk.raaderum.target.service.AdjustmentModels.LineInput;
import dk.raaderum.target.service.AdjustmentModels.LineView;
import dk.raaderum.target.service.AdjustmentModels.Saved;
import dk.raaderum.target.service.AdjustmentService;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
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

@Path("/api/v1/municipalities/{municipalityCode}/budgets/{budgetYear}/adjustments")
@Tag(name = "Technical budget adjustments", description = "The technical budget's adjustments (PL, demography, DUT) as explicit, dated lines; the lines not compensated are the five-paths plan's quiet path")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token (problem+json `unauthenticated`)")
@APIResponse(responseCode = "403", description = "Another municipality (`wrong-municipality`) or a role that may not do this (`forbidden`)")
@APIResponse(responseCode = "404", description = "Not one of the 98 municipality codes (`unknown-municipality`) or no such line (`not-found`)")
public class AdjustmentResource {

    static final String EXAMPLE = """
            {"kind": "PRICE_WAGE", "areaCode": "ADM", "dated": "2026-09-01",
             "description": "PL 2027: administrationen kompenseres ikke for pris- og lønstigninger (1,8 %)",
             "amounts": [{"year": 2027, "amount": 1800000}, {"year": 2028, "amount": 1800000},
                         {"year": 2029, "amount": 1800000}, {"year": 2030, "amount": 1800000}],
             "compensated": false}""";

    private final AdjustmentService adjustments;
    private final Caller caller;

    public AdjustmentResource(AdjustmentService adjustments, Caller caller) {
        this.adjustments = adjustments;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The budget year's technical adjustments", description = "Every line, oldest first, with the sums per kind (PRICE_WAGE, DEMOGRAPHY, LEGISLATION) and per year, each split into compensated and not compensated (absorbed by the areas: the quiet path); `revision` rises with every change.")
    @APIResponse(responseCode = "200", description = "The lines and their sums (none yet: revision 0)")
    @APIResponse(responseCode = "400", description = "A budget year outside 2000–2100 (`validation`)")
    public AdjustmentsView list(@Parameter(example = "370") @PathParam("municipalityCode") String municipality,
            @Parameter(example = "2027") @PathParam("budgetYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear) {
        return adjustments.list(municipality, budgetYear);
    }

    @GET
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The budget year's technical adjustments as CSV", description = "One line per adjustment (Danish Excel): `linje;art;kode;navn;dato;beskrivelse;kompenseret;<år>…;prisniveau`.")
    @APIResponse(responseCode = "200", description = "CSV")
    @APIResponse(responseCode = "400", description = "A budget year outside 2000–2100 (`validation`)")
    public Response listCsv(@PathParam("municipalityCode") String municipality,
            @PathParam("budgetYear") @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear) {
        return CsvViews.adjustments(adjustments.list(municipality, budgetYear));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Add a technical adjustment line", description = "The whole set of lines is published as `budget-adjustments.changed` (key `<municipality>:<budgetYear>`) with the next revision. The first line fixes the price level of the budget year's lines (`priceLevelYear`, else the base budget's, else the budget year).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LineInput.class),
            examples = @ExampleObject(name = "PL withheld", summary = "Price and wage growth the administration absorbs", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Added; Location and ETag of the line",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Saved.class)))
    @APIResponse(responseCode = "400", description = "Not valid (`validation`), e.g. an amount beyond 1,000 mia. kr.")
    @APIResponse(responseCode = "422", description = "Rules `area-not-in-register` (field `areaCode`), `adjustment-years` (each of the four years once), `adjustment-price-level`")
    public Response add(@Parameter(example = "370") @PathParam("municipalityCode") String municipality,
            @Parameter(example = "2027") @PathParam("budgetYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear,
            @NotNull @Valid LineInput input, @Context UriInfo uri) {
        Saved saved = adjustments.add(caller.actor(), municipality, budgetYear, input);
        return Responses.created(uri, saved.line().lineId(), saved, saved.line().version());
    }

    @GET
    @Path("/{lineId}")
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "Read a technical adjustment line", description = "The ETag is its version for If-Match.")
    @APIResponse(responseCode = "200", description = "The line",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LineView.class)))
    public Response get(@PathParam("municipalityCode") String municipality,
            @PathParam("budgetYear") @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear,
            @Parameter(example = "1") @PathParam("lineId") long lineId) {
        LineView line = adjustments.get(municipality, budgetYear, lineId)
                .orElseThrow(() -> ProblemException.notFound("Adjustment line", lineId));
        return Responses.versioned(line, line.version());
    }

    @PUT
    @Path("/{lineId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Change a technical adjustment line", description = "Replaces the line; send If-Match (its ETag) or `version` (428 without). Publishes the whole set with the next revision.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Saved.class)))
    @APIResponse(responseCode = "400", description = "Not valid (`validation`)")
    @APIResponse(responseCode = "409", description = "`version` is stale (`concurrent-modification`)")
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag (`precondition-failed`)")
    @APIResponse(responseCode = "422", description = "Rules `area-not-in-register`, `adjustment-years`, `adjustment-price-level`")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor `version` (`precondition-required`)")
    public Response change(@PathParam("municipalityCode") String municipality,
            @PathParam("budgetYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear, @PathParam("lineId") long lineId,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid LineInput input) {
        Saved saved = adjustments.change(caller.actor(), municipality, budgetYear, lineId, input,
                EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(saved, saved.line().version());
    }

    @DELETE
    @Path("/{lineId}")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Remove a technical adjustment line", description = "Publishes the remaining lines (possibly none) with the next revision.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag (`precondition-failed`)")
    public Response remove(@PathParam("municipalityCode") String municipality,
            @PathParam("budgetYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear, @PathParam("lineId") long lineId,
            @HeaderParam("If-Match") String ifMatch) {
        adjustments.remove(caller.actor(), municipality, budgetYear, lineId, EntityTags.parseIfMatch(ifMatch));
        return Response.noContent().build();
    }
}
