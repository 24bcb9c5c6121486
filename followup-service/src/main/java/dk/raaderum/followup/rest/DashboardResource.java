package dk.raaderum.followup.rest;

import dk.raaderum.followup.service.DashboardService;
import dk.raaderum.followup.service.FigureModels.DashboardView;
import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.security.CrossMunicipality;
import dk.raaderum.platform.web.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/municipalities/{municipalityCode}/followup")
@Tag(name = "Follow-up dashboard", description = "Expected against realised gains per municipality and year")
public class DashboardResource {

    private final DashboardService dashboards;

    public DashboardResource(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @GET
    @Path("/dashboard")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM, Roles.KL_CURATOR })
    @CrossMunicipality(Roles.KL_CURATOR)
    @Operation(summary = "The follow-up dashboard of a year", description = """
            For every initiative with an expected gain in the year: what the budget counted on as three labelled
            figures, adoptedGains (an investment's gross gain; a saving's or efficiency's adopted amount),
            investmentCosts (an investment's cost of the year) and adoptedNet = adoptedGains − investmentCosts (taken
            out of the budget); expected (net), realised over the reported periods and the realisation rate, by area, type and catalog year; counts of
            green/amber/red initiatives by the municipality's thresholds and of those overdue or pending; the
            underperformers (red and amber, largest shortfall first); and the gains at risk: taken out of the budget but
            neither realised nor still credibly expected (overdue, closed and terminated periods count as nothing).
            Every amount is at one price level, stated in `priceLevel`: `priceLevelYear`, by default the year followed up.             Expectations and adopted amounts are PL-regulated from their catalogs' price levels, reports from the             prices of the year they report on, with the municipality's price index (target-service's, from             `price-index.changed`; KL's PL for service expenses until the municipality edits it).
            KL curators may read any municipality's dashboard.""")
    @APIResponse(responseCode = "200", description = "The dashboard")
    @APIResponse(responseCode = "400", description = "year missing or out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a municipality code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The price index has no index for a year the conversion needs (`price-level-missing`, member `year`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DashboardView dashboard(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "The year followed up", example = "2027") @QueryParam("year") @NotNull
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer year,
            @Parameter(description = "The price level of every amount; default: `year`", example = "2027") @QueryParam("priceLevelYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer priceLevelYear,
            @Parameter(description = "How many underperformers to list (0–100)") @QueryParam("underperformers") @DefaultValue("10") @Min(0) @Max(100) int underperformers) {
        return dashboards.dashboard(municipality, year, priceLevelYear, underperformers);
    }

    @GET
    @Path("/dashboard.csv")
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM, Roles.KL_CURATOR })
    @CrossMunicipality(Roles.KL_CURATOR)
    @Operation(summary = "The follow-up dashboard of a year as CSV", description = """
            One table for Danish Excel (';', UTF-8 with BOM, Danish headers): the total, then a row per area, type and
            catalog year with the same figures as the JSON dashboard ("Vedtagne gevinster", "Investeringsudgifter",
            "Vedtaget netto", …). Amounts in whole kroner at the price level of the last two columns (Prisniveau;
            Omregnet fra: the levels converted from), rates in percent.""")
    @APIResponse(responseCode = "200", description = "The dashboard as a CSV attachment", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "year missing or out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a municipality code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The price index has no index for a year the conversion needs (`price-level-missing`, member `year`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response dashboardCsv(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "The year followed up", example = "2027") @QueryParam("year") @NotNull
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer year,
            @Parameter(description = "The price level of every amount; default: `year`", example = "2027") @QueryParam("priceLevelYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer priceLevelYear) {
        return CsvResponses.of(dashboards.dashboardCsv(municipality, year, priceLevelYear));
    }
}
