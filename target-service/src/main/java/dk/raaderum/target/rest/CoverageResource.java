package dk.raaderum.target.rest;

import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.security.Roles;
import dk.raaderum.target.service.CoverageModels.AreaDetail;
import dk.raaderum.target.service.CoverageModels.CoverageView;
import dk.raaderum.target.service.CoverageService;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/municipalities/{municipalityCode}/coverage")
@Tag(name = "Coverage", description = "Live: how much of each area's target the adopted proposals cover")
@APIResponse(responseCode = "401", description = "No valid bearer token (problem+json `unauthenticated`)")
@APIResponse(responseCode = "403", description = "Another municipality (`wrong-municipality`) or a role that may not read it (`forbidden`)")
@APIResponse(responseCode = "404", description = "Not one of the 98 municipality codes (`unknown-municipality`)")
public class CoverageResource {

    private final CoverageService coverage;

    public CoverageResource(CoverageService coverage) {
        this.coverage = coverage;
    }

    @GET
    @Path("/{budgetYear}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "Coverage of a budget year", description = """
            Per area and year: the target (sum of the adopted targets' published allocations), the room created by \
            adopted SAVING, EFFICIENCY and INVESTMENT proposals, the gap (target − covered) and coverage %. Room spent by \
            adopted EXPANSION proposals is shown separately and never lowers coverage. Proposals whose area is not in the \
            base budget (nor in an allocation) are listed under `unmatched`. `catalogs` shows adopted proposals whose \
            event has not arrived yet. Updated from proposal-service's events as they arrive.""")
    @APIResponse(responseCode = "200", description = "Coverage (empty lists when nothing is known yet)")
    @APIResponse(responseCode = "400", description = "A budget year outside 2000–2100 (`validation`)")
    public CoverageView get(@Parameter(example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(example = "2027") @PathParam("budgetYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear) {
        return coverage.get(municipality, budgetYear);
    }

    @GET
    @Path("/{budgetYear}")
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "Coverage of a budget year as CSV", description = "One line per area and year, unmatched areas after the others, then the totals.")
    @APIResponse(responseCode = "200", description = "CSV")
    public Response getCsv(@PathParam("municipalityCode") String municipality,
            @PathParam("budgetYear") @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear) {
        return CsvViews.coverage(coverage.get(municipality, budgetYear));
    }

    @GET
    @Path("/{budgetYear}/areas/{areaCode}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "Coverage of one area with its proposals", description = "The adopted proposals of the area (and those withdrawn after adoption), with the room each creates per year and whether it counts.")
    @APIResponse(responseCode = "200", description = "The area")
    @APIResponse(responseCode = "404", description = "Nothing is known of the area in that budget year (`not-found`)")
    public AreaDetail area(@PathParam("municipalityCode") String municipality,
            @PathParam("budgetYear") @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear,
            @Parameter(example = "ÆLD") @PathParam("areaCode") String areaCode) {
        return coverage.area(municipality, budgetYear, areaCode);
    }

    @GET
    @Path("/{budgetYear}/areas/{areaCode}")
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The proposals of one area as CSV", description = "One line per proposal and year with the room it creates.")
    @APIResponse(responseCode = "200", description = "CSV")
    @APIResponse(responseCode = "404", description = "Nothing is known of the area in that budget year (`not-found`)")
    public Response areaCsv(@PathParam("municipalityCode") String municipality,
            @PathParam("budgetYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear, @PathParam("areaCode") String areaCode) {
        return CsvViews.area(municipality, budgetYear, areaCode, coverage.area(municipality, budgetYear, areaCode));
    }
}
