package dk.raaderum.followup.rest;

import dk.raaderum.followup.service.FigureModels.OpenDataPage;
import dk.raaderum.followup.service.FigureModels.OpenInitiative;
import dk.raaderum.followup.service.FigureModels.RealisedGainsRow;
import dk.raaderum.followup.service.OpenDataService;
import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.problem.Problem;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
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

/** No login: realised gains as open data, like Aarhus publishes them ("Aarhus i Tal"). */
@Path("/api/v1/open-data")
@PermitAll
@Tag(name = "Open data", description = "Realised gains of every municipality, without login and without personal data")
public class OpenDataResource {

    private final OpenDataService openData;

    public OpenDataResource(OpenDataService openData) {
        this.openData = openData;
    }

    @GET
    @Path("/realised-gains")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Realised gains per municipality, catalog year, area and year", description = """
            Only reported periods count, so only initiatives with at least one report appear. expected and realised
            are over those periods; realisationRate = realised / expected; realised split by evidence level
            (documented, probable = sandsynliggjort, estimate). No login; no personal data.
            Every amount is at one price level, stated in `priceLevel` (`priceLevelYear`; by default `year`, without
            it this year): expectations converted from their initiatives' price level, reports from the prices of the
            year they report on, each municipality's with its own price index; `convertedFrom` per row.""")
    @APIResponse(responseCode = "200", description = "A page of rows")
    @APIResponse(responseCode = "400", description = "A filter or the page is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A municipality's price index has no index for a year the conversion needs (`price-level-missing`, member `year`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OpenDataPage<RealisedGainsRow> realisedGains(
            @Valid @BeanParam OpenDataParameters filters,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 1000") @QueryParam("size") @DefaultValue("200") @Min(1) @Max(1000) int size) {
        return openData.realisedGains(filters.toQuery(), page, size);
    }

    @GET
    @Path("/realised-gains.csv")
    @Produces(CsvWriter.MEDIA_TYPE)
    @Operation(summary = "Realised gains per municipality, catalog year, area and year, as CSV", description = """
            All matching rows at once (no pages), for Danish Excel: ';', UTF-8 with BOM, Danish headers, amounts in
            whole kroner, rates in percent with a decimal comma. The last two columns state the price level
            (Prisniveau) and the levels the row was converted from (Omregnet fra).""")
    @APIResponse(responseCode = "200", description = "All matching rows as a CSV attachment", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "A filter is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A municipality's price index has no index for a year the conversion needs (`price-level-missing`, member `year`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response realisedGainsCsv(
            @Valid @BeanParam OpenDataParameters filters) {
        return CsvResponses.of(openData.realisedGainsCsv(filters.toQuery()));
    }

    @GET
    @Path("/initiatives")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Initiatives with at least one report, with their reported years", description = """
            Per initiative: municipality, catalog year, proposal number, title, type, area and status, and per
            reported year the expected and realised gain, the realisation rate and the weakest evidence level. Never
            the owner, the reporter or free text. No login.
            Every amount is at one price level, stated in `priceLevel` (`priceLevelYear`; by default `year`, without
            it this year): expectations converted from their initiatives' price level, reports from the prices of the
            year they report on, each municipality's with its own price index; `convertedFrom` per row.""")
    @APIResponse(responseCode = "200", description = "A page of initiatives")
    @APIResponse(responseCode = "400", description = "A filter or the page is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A municipality's price index has no index for a year the conversion needs (`price-level-missing`, member `year`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OpenDataPage<OpenInitiative> initiatives(
            @Valid @BeanParam OpenDataParameters filters,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 1000") @QueryParam("size") @DefaultValue("200") @Min(1) @Max(1000) int size) {
        return openData.initiatives(filters.toQuery(), page, size);
    }

    @GET
    @Path("/initiatives.csv")
    @Produces(CsvWriter.MEDIA_TYPE)
    @Operation(summary = "Initiatives with at least one report as CSV", description = """
            One row per initiative and reported year, all at once, for Danish Excel (';', UTF-8 with BOM, Danish
            headers). The last two columns state the price level (Prisniveau) and the levels the row was
            converted from (Omregnet fra).""")
    @APIResponse(responseCode = "200", description = "All matching rows as a CSV attachment", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "A filter is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A municipality's price index has no index for a year the conversion needs (`price-level-missing`, member `year`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response initiativesCsv(
            @Valid @BeanParam OpenDataParameters filters) {
        return CsvResponses.of(openData.initiativesCsv(filters.toQuery()));
    }
}
