package dk.raaderum.target.rest;

import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.platform.web.security.Roles;
import dk.raaderum.target.service.PriceIndexModels.Conversion;
import dk.raaderum.target.service.PriceIndexModels.PriceIndexInput;
import dk.raaderum.target.service.PriceIndexModels.PriceIndexView;
import dk.raaderum.target.service.PriceIndexService;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/municipalities/{municipalityCode}/price-index")
@Tag(name = "Price index", description = "PL-regulering: the municipality's price and wage index (KL's PL for service expenses, overlaid with its own years) and conversions between price levels")
@APIResponse(responseCode = "401", description = "No valid bearer token (problem+json `unauthenticated`)")
@APIResponse(responseCode = "403", description = "Another municipality (`wrong-municipality`) or a role that may not do this (`forbidden`)")
@APIResponse(responseCode = "404", description = "Not one of the 98 municipality codes (`unknown-municipality`)")
public class PriceIndexResource {

    private final PriceIndexService priceIndex;
    private final Caller caller;

    public PriceIndexResource(PriceIndexService priceIndex, Caller caller) {
        this.priceIndex = priceIndex;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The effective price index", description = """
            Every year of the platform's default (KL's pris- og lønskøn for service expenses, 2019–2031, approximate) \
            overlaid with the municipality's own years; each year says its `source` (DEFAULT or MUNICIPALITY) and its \
            change from the year before in percent. `version` (the ETag) is 0 until the municipality edits it.""")
    @APIResponse(responseCode = "200", description = "The effective index",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PriceIndexView.class)))
    public Response get(@Parameter(example = "573") @PathParam("municipalityCode") String municipality) {
        PriceIndexView view = priceIndex.get(municipality);
        return Responses.versioned(view, view.version());
    }

    @GET
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The effective price index as CSV", description = "år;indeks;pl_pct;kilde — the layout the CSV import reads (it ignores pl_pct and kilde).")
    @APIResponse(responseCode = "200", description = "CSV")
    public Response getCsv(@PathParam("municipalityCode") String municipality) {
        PriceIndexView view = priceIndex.get(municipality);
        return CsvViews.attachment("prisindeks-" + municipality + ".csv", csv -> {
            csv.row("år", "indeks", "pl_pct", "kilde");
            view.years().forEach(year -> csv.row(year.year(), CsvWriter.decimal(year.index()),
                    CsvWriter.decimal(year.changePercent()), year.source()));
        });
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Set the municipality's own years", description = """
            The years given become the municipality's own (they replace every own year entered before; a year left out \
            falls back to the default). Send If-Match (the ETag you read; "0" before the first edit) or `version`. \
            Publishes `price-index.changed` and recomputes coverage at the new index.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PriceIndexInput.class),
            example = "{\"years\": [{\"year\": 2027, \"index\": 127.35}, {\"year\": 2028, \"index\": 130.4}], \"version\": 0}"))
    @APIResponse(responseCode = "200", description = "The new effective index",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PriceIndexView.class)))
    @APIResponse(responseCode = "400", description = "Not valid (`validation`), e.g. a year outside 2000–2100 or an index ≤ 0")
    @APIResponse(responseCode = "409", description = "`version` is stale (`concurrent-modification`)")
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag (`precondition-failed`)")
    @APIResponse(responseCode = "422", description = "Rule `price-index-rows`: a year given twice, an index with more than six decimals")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor `version` (`precondition-required`)")
    public Response replace(@PathParam("municipalityCode") String municipality,
            @Parameter(description = "The ETag you read") @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid PriceIndexInput input) {
        PriceIndexView view = priceIndex.replace(caller.actor(), municipality, input, EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(view, view.version());
    }

    @PUT
    @Consumes({ "text/csv", "application/csv" })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Set the municipality's own years (CSV)", description = """
            Header `år;indeks` (`year;index` also accepted; other columns ignored), one line per year, the index with a \
            decimal comma or point (`127,35`). Every year of the file becomes the municipality's own (replacing those \
            entered before). `;` (or `,`/tab), UTF-8 (a BOM is fine) or Windows-1252. All lines or none: a 422 lists \
            every bad line. If-Match is required.""")
    @RequestBody(description = "The CSV file", content = @Content(mediaType = "text/csv", example = "år;indeks\n2027;127,35\n2028;130,4\n"))
    @APIResponse(responseCode = "200", description = "The new effective index",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PriceIndexView.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag (`precondition-failed`)")
    @APIResponse(responseCode = "422", description = "Rules `csv-header`, `csv-empty`, `csv-format`, `price-index-rows` (with `errors[]` per line)")
    @APIResponse(responseCode = "428", description = "No If-Match (`precondition-required`)")
    public Response importCsv(@PathParam("municipalityCode") String municipality,
            @HeaderParam("If-Match") String ifMatch, @Context HttpHeaders headers, byte[] csv) {
        PriceIndexView view = priceIndex.importCsv(caller.actor(), municipality,
                CsvBodies.text(csv, headers.getMediaType()), EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(view, view.version());
    }

    @GET
    @Path("/convert")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "Convert an amount between price levels", description = """
            amount × index(to) / index(from), exact, rounded half even to whole kroner, with the municipality's \
            effective index.""")
    @APIResponse(responseCode = "200", description = "The converted amount",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Conversion.class)))
    @APIResponse(responseCode = "400", description = "A missing or bad parameter (`validation`)")
    @APIResponse(responseCode = "422", description = "The index has no index for `from` or `to` (`price-level-missing`, member `year`), or the result is beyond the bound of amounts (`business-rule`, rule `amount-bound`)")
    public Conversion convert(@PathParam("municipalityCode") String municipality,
            @Parameter(example = "10000000", description = "Whole kroner at `from`'s prices")
            @QueryParam("amount") @NotNull @Min(-YearAmount.MAX_ABS) @Max(YearAmount.MAX_ABS) Long amount,
            @Parameter(example = "2026") @QueryParam("from") @NotNull
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer from,
            @Parameter(example = "2027") @QueryParam("to") @NotNull
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer to) {
        return priceIndex.convert(municipality, amount, from, to);
    }
}
