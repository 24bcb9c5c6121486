package dk.raaderum.followup.rest;

import dk.raaderum.followup.service.FigureModels.KlOverview;
import dk.raaderum.followup.service.KlService;
import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

@Path("/api/v1/kl/followup")
@Tag(name = "KL: follow-up across municipalities", description = "Aggregated figures for KL (role kl-curator)")
public class KlFollowupResource {

    private final KlService kl;

    public KlFollowupResource(KlService kl) {
        this.kl = kl;
    }

    @GET
    @Path("/overview")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.KL_CURATOR)
    @Operation(summary = "Benefit realisation across municipalities in a year", description = """
            National totals and the same figures per municipality, per proposal type and per main account
            (hovedkonto): adopted, expected, realised over reported periods, realisation rate, gains at risk,
            green/amber/red initiatives (each municipality by its own thresholds) and the reporting rate (reported /
            reported + overdue). Aggregates only: no initiative, owner or text. Every amount is at one price level,
            stated in `priceLevel`: `priceLevelYear`, by default the year followed up. Expectations and adopted
            amounts are PL-regulated from their catalogs' price levels, reports from the prices of the year they
            report on, each municipality's with its own price index (target-service's, from `price-index.changed`;
            KL's PL for service expenses until the municipality edits it).""")
    @APIResponse(responseCode = "200", description = "The overview")
    @APIResponse(responseCode = "400", description = "year missing or out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a KL curator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A municipality's price index has no index for a year the conversion needs (`price-level-missing`, member `year`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KlOverview overview(
            @Parameter(description = "The year followed up", example = "2027") @QueryParam("year") @NotNull
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer year,
            @Parameter(description = "The price level of every amount; default: `year`", example = "2027") @QueryParam("priceLevelYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer priceLevelYear) {
        return kl.overview(year, priceLevelYear);
    }

    @GET
    @Path("/overview.csv")
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed(Roles.KL_CURATOR)
    @Operation(summary = "Benefit realisation per municipality in a year, as CSV", description = """
            One row per municipality with initiatives in the year, then the national total; Danish Excel (';', UTF-8
            with BOM, Danish headers). Amounts in whole kroner at the price level of the last two columns
            (Prisniveau; Omregnet fra: the levels converted from), rates in percent.""")
    @APIResponse(responseCode = "200", description = "The overview as a CSV attachment", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "year missing or out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a KL curator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A municipality's price index has no index for a year the conversion needs (`price-level-missing`, member `year`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response overviewCsv(
            @Parameter(description = "The year followed up", example = "2027") @QueryParam("year") @NotNull
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer year,
            @Parameter(description = "The price level of every amount; default: `year`", example = "2027") @QueryParam("priceLevelYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer priceLevelYear) {
        return CsvResponses.of(kl.overviewCsv(year, priceLevelYear));
    }
}
