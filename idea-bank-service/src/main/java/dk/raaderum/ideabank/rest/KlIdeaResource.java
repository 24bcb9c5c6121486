package dk.raaderum.ideabank.rest;

import static dk.raaderum.platform.web.security.Roles.KL_CURATOR;

import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.repository.OverviewRepository.Dimension;
import dk.raaderum.ideabank.repository.UptakeRepository.Grouping;
import dk.raaderum.ideabank.service.KlOverview;
import dk.raaderum.ideabank.service.KlOverview.Overview;
import dk.raaderum.ideabank.service.UptakeReports;
import dk.raaderum.ideabank.service.UptakeReports.SpreadReport;
import dk.raaderum.ideabank.service.UptakeReports.Uptake;
import dk.raaderum.ideabank.service.io.IdeaExports;
import dk.raaderum.ideabank.service.io.IdeaImports;
import dk.raaderum.ideabank.service.io.IdeaImports.Format;
import dk.raaderum.ideabank.service.io.IdeaImports.ImportResult;
import dk.raaderum.ideabank.service.io.ImportHistory;
import dk.raaderum.ideabank.service.io.ImportHistory.ImportView;
import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.spreadsheet.XlsxWriter;
import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.problem.ProblemTypes;
import dk.raaderum.platform.web.security.Caller;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** KL's imports of budget reviews, the overview across municipalities and the export of every idea. */
@Path("/api/v1/kl/ideas")
@RolesAllowed(KL_CURATOR)
@Tag(name = "KL: imports, overview and export", description = "The idea bank as KL maintains and counts it")
@APIResponse(responseCode = "400", description = "A parameter or the file is not valid", content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a KL curator", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
public class KlIdeaResource {

    private final IdeaImports imports;
    private final ImportHistory history;
    private final KlOverview overview;
    private final IdeaExports exports;
    private final UptakeReports uptake;
    private final Caller caller;

    public KlIdeaResource(IdeaImports imports, ImportHistory history, KlOverview overview, IdeaExports exports,
            UptakeReports uptake, Caller caller) {
        this.imports = imports;
        this.history = history;
        this.overview = overview;
        this.exports = exports;
        this.uptake = uptake;
        this.caller = caller;
    }

    @POST
    @Path("/imports")
    @Consumes({ MediaType.APPLICATION_JSON, "text/csv", XlsxWriter.MEDIA_TYPE })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a budget-year review (JSON, CSV or XLSX)", description = """
            A JSON array of ideas (the fields of a submission plus municipality; budgetYear 2022 or "B22"), or a CSV
            (';'; UTF-8 unless Content-Type names another charset, e.g. windows-1252) or XLSX sheet whose first row holds the Danish column headers of the export (export.csv;
            columns that only describe an idea in the bank, such as Idé-id and Status, are ignored). Required:
            Kommunekode, Budgetår, Titel, Type, Begrundelse for type, Fagområde, and Nummer or Kildereference. Amounts
            are optional: a budget document may state only the first full year. Idempotent by municipality + budget
            year + Nummer (or Kildereference): importing the same file again changes nothing, a changed row makes a new
            version of its idea. All or nothing: any wrong row gives a 422 listing rows and fields, and nothing is
            written. New ideas are published at once unless publish=false (then they wait in the queue). Streams:
            100,000 rows are fine.""")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = XlsxWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "200", description = "Imported: rows, created, updated, unchanged", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than the limit", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Not JSON, CSV or XLSX", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "import-header (unknown or missing columns), import-rows (errors"
            + " lists 'row N: column' and what is wrong; errorCount counts them all) or import-empty (not one idea)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ImportResult importFile(@Context HttpHeaders headers, InputStream body,
            @Parameter(description = "Publish new ideas at once (default) or queue them for curation") @QueryParam("publish") @DefaultValue("true") boolean publish) {
        MediaType type = headers.getMediaType();
        return imports.run(caller.actor(), format(type), charset(type), body, publish);
    }

    @GET
    @Path("/imports")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "KL's imports, newest first", description = "Who imported what when, and what it did.")
    @APIResponse(responseCode = "200", description = "The imports, newest first")
    public PageOf<ImportView> importHistory(
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return history.newest(page, size);
    }

    @GET
    @Path("/overview")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The idea bank counted by area, type, budget year or municipality", description = """
            Per group: ideas, municipalities that contributed (a family's members count for their municipalities),
            ideas with amounts, and the total amounts of years 1–4 (each idea's budget year is its year 1; negative is
            room). by=BUDGET_YEAR tells how many municipalities contributed each year. Published ideas unless status
            says otherwise.""")
    @APIResponse(responseCode = "200", description = "The overview")
    public Overview overview(@Parameter(description = "AREA, TYPE, BUDGET_YEAR or MUNICIPALITY") @QueryParam("by") @DefaultValue("AREA") Dimension by,
            @Parameter(description = "Statuses counted (default PUBLISHED)") @QueryParam("status") List<String> status) {
        return overview.overview(by, statuses(status, EnumSet.of(IdeaStatus.PUBLISHED)));
    }

    @GET
    @Path("/overview.csv")
    @Produces(CsvWriter.MEDIA_TYPE)
    @Operation(summary = "The overview as CSV (Danish Excel: ';', UTF-8 with BOM, Danish headers)")
    @APIResponse(responseCode = "200", description = "The overview", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response overviewCsv(@QueryParam("by") @DefaultValue("AREA") Dimension by, @QueryParam("status") List<String> status) {
        Overview o = overview.overview(by, statuses(status, EnumSet.of(IdeaStatus.PUBLISHED)));
        return Responses.attachment("idebanken-overblik-" + o.by().toLowerCase() + ".csv", CsvWriter.MEDIA_TYPE,
                out -> overview.csv(o, out));
    }

    @GET
    @Path("/overview.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    @Operation(summary = "The overview as an Excel workbook")
    @APIResponse(responseCode = "200", description = "The overview", content = @Content(mediaType = XlsxWriter.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response overviewXlsx(@QueryParam("by") @DefaultValue("AREA") Dimension by, @QueryParam("status") List<String> status) {
        Overview o = overview.overview(by, statuses(status, EnumSet.of(IdeaStatus.PUBLISHED)));
        return Responses.attachment("idebanken-overblik-" + o.by().toLowerCase() + ".xlsx", XlsxWriter.MEDIA_TYPE,
                out -> overview.xlsx(o, out));
    }

    @GET
    @Path("/uptake")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The idea loop per policy area or idea family", description = """
            Per group of published ideas (members of families included): how many were taken up (copied into a
            municipality's catalog or named as a proposal's origin), adopted and realised (follow-up reported realised
            gains), the municipalities that adopted one, and the expected and realised kroner of their initiatives.""")
    @APIResponse(responseCode = "200", description = "The uptake")
    public Uptake uptake(@Parameter(description = "AREA or FAMILY") @QueryParam("by") @DefaultValue("AREA") Grouping by) {
        return uptake.uptake(by);
    }

    @GET
    @Path("/uptake.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    @Operation(summary = "The idea loop per policy area or family as an Excel workbook")
    @APIResponse(responseCode = "200", description = "The uptake", content = @Content(mediaType = XlsxWriter.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response uptakeXlsx(@QueryParam("by") @DefaultValue("AREA") Grouping by) {
        Uptake u = uptake.uptake(by);
        return Responses.attachment("idebanken-udbredelse-" + u.by().toLowerCase() + ".xlsx", XlsxWriter.MEDIA_TYPE,
                out -> uptake.xlsx(u, out));
    }

    @GET
    @Path("/spread")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The yearly spread report: which ideas travelled to the most municipalities", description = """
            The ideas that the most municipalities took into their catalogs of the budget year (copied, or named as a
            proposal's origin; the source municipality's own proposal does not count), with how many presented and
            adopted them, most first (at most 100).""")
    @APIResponse(responseCode = "200", description = "The report")
    public SpreadReport spread(@Parameter(example = "2027", required = true) @QueryParam("budgetYear") @NotNull
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer budgetYear) {
        return uptake.spread(budgetYear);
    }

    @GET
    @Path("/spread.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    @Operation(summary = "The yearly spread report as an Excel workbook")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = XlsxWriter.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response spreadXlsx(@QueryParam("budgetYear") @NotNull
    @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer budgetYear) {
        SpreadReport report = uptake.spread(budgetYear);
        return Responses.attachment("idebanken-spredning-" + budgetYear + ".xlsx", XlsxWriter.MEDIA_TYPE,
                out -> uptake.xlsx(report, out));
    }

    @GET
    @Path("/export.csv")
    @Produces(CsvWriter.MEDIA_TYPE)
    @Operation(summary = "Every idea as CSV, in the columns the import reads", description = "All statuses unless status"
            + " says otherwise; Danish Excel (';', UTF-8 with BOM, decimal comma).")
    @APIResponse(responseCode = "200", description = "The ideas", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportCsv(@QueryParam("status") List<String> status) {
        Set<IdeaStatus> statuses = statuses(status, EnumSet.allOf(IdeaStatus.class));
        return Responses.attachment("idebanken.csv", CsvWriter.MEDIA_TYPE, out -> exports.csv(statuses, false, out));
    }

    @GET
    @Path("/export.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    @Operation(summary = "Every idea as an Excel workbook, in the columns the import reads")
    @APIResponse(responseCode = "200", description = "The ideas", content = @Content(mediaType = XlsxWriter.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportXlsx(@QueryParam("status") List<String> status) {
        Set<IdeaStatus> statuses = statuses(status, EnumSet.allOf(IdeaStatus.class));
        return Responses.attachment("idebanken.xlsx", XlsxWriter.MEDIA_TYPE, out -> exports.xlsx(statuses, false, out));
    }

    private static Format format(MediaType type) {
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return Format.JSON;
        }
        return type != null && "csv".equalsIgnoreCase(type.getSubtype()) ? Format.CSV : Format.XLSX;
    }

    /** The charset of the Content-Type (CSV from Danish Excel is often windows-1252); UTF-8 when none is named. */
    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unknown charset '" + name + "'");
        }
    }

    private static Set<IdeaStatus> statuses(List<String> status, Set<IdeaStatus> otherwise) {
        Set<IdeaStatus> asked = QueryParams.enums("status", status, IdeaStatus.class);
        return asked.isEmpty() ? otherwise : asked;
    }
}
