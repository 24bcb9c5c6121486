package dk.raaderum.proposal.rest;

import static dk.raaderum.platform.web.security.Roles.FINANCE_OFFICER;
import static dk.raaderum.platform.web.security.Roles.KL_CURATOR;
import static dk.raaderum.platform.web.security.Roles.MUNICIPAL_SYSTEM;
import static dk.raaderum.platform.web.security.Roles.POLITICIAN;
import static dk.raaderum.platform.web.security.Roles.PROGRAM_OWNER;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.spreadsheet.XlsxWriter;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.problem.ProblemTypes;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.platform.web.security.CrossMunicipality;
import dk.raaderum.proposal.domain.OriginKind;
import dk.raaderum.proposal.domain.ProposalStatus;
import dk.raaderum.proposal.service.ProposalFilter;
import dk.raaderum.proposal.service.ProposalImports;
import dk.raaderum.proposal.service.ProposalModels.ImportView;
import dk.raaderum.proposal.service.ProposalModels.ProposalInput;
import dk.raaderum.proposal.service.ProposalModels.ProposalSummary;
import dk.raaderum.proposal.service.ProposalModels.ProposalView;
import dk.raaderum.proposal.service.ProposalService;
import dk.raaderum.proposal.service.export.CatalogSheet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The proposals of one catalog: the list and writing new ones. */
@Path("/api/v1/municipalities/{municipalityCode}/catalogs/{catalogId}/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Proposals")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or another municipality",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such catalog in the municipality",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CatalogProposalResource {

    private final ProposalService proposals;
    private final ProposalImports imports;
    private final Caller caller;

    public CatalogProposalResource(ProposalService proposals, ProposalImports imports, Caller caller) {
        this.proposals = proposals;
        this.imports = imports;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, PROGRAM_OWNER, MUNICIPAL_SYSTEM, KL_CURATOR })
    @CrossMunicipality(KL_CURATOR)
    @Operation(summary = "List the catalog's proposals", description = "Only what your role may see: politicians what"
            + " has been presented plus their party's proposals; KL presented and adopted ones. Filters combine with"
            + " AND; repeated or comma-separated values combine with OR.")
    @APIResponse(responseCode = "400", description = "A filter, sort or page value is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "A page of proposals")
    public PageOf<ProposalSummary> list(@PathParam("municipalityCode") String municipality,
            @PathParam("catalogId") long catalogId,
            @Parameter(description = "SAVING, EFFICIENCY, INVESTMENT, EXPANSION", example = "SAVING,EFFICIENCY") @QueryParam("type") List<String> type,
            @Parameter(description = "Area codes", example = "ÆLD") @QueryParam("area") List<String> area,
            @Parameter(description = "Committees", example = "Social- og Sundhedsudvalget") @QueryParam("committee") List<String> committee,
            @Parameter(description = "Statuses", example = "PRESENTED") @QueryParam("status") List<String> status,
            @Parameter(description = "Origins", example = "POLITICAL_PARTY") @QueryParam("origin") List<String> origin,
            @Parameter(description = "Free text in number, title and description, case-insensitive", example = "hjemmepleje")
            @QueryParam("q") @Size(max = 200) String q,
            @Parameter(description = "number, title, netTotal, area, type, status, createdAt; '-' first for descending;"
                    + " texts in Danish order (Z, Æ, Ø, Å), ties by id",
                    example = "netTotal") @QueryParam("sort") @DefaultValue("number") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        ProposalFilter filter = new ProposalFilter(QueryParams.enums("type", type, ProposalType.class),
                QueryParams.strings(area), QueryParams.strings(committee),
                QueryParams.enums("status", status, ProposalStatus.class),
                QueryParams.enums("origin", origin, OriginKind.class), q);
        return proposals.list(caller.actor(), municipality, catalogId, filter, sort, page, size);
    }

    @POST
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, MUNICIPAL_SYSTEM })
    @Operation(summary = "Write a new proposal", description = "Starts as DRAFT with the next number of its area (e.g."
            + " ÆLD-03). Politicians write for their own party (origin POLITICAL_PARTY). Amounts are whole kroner at"
            + " the catalog's price level; the type rules are checked (422 names the rule).")
    @APIResponse(responseCode = "201", description = "Created; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The catalog is not open", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A type or content rule is broken: catalog-years, creates-room,"
            + " no-net-cost, expansion-costs, investment-profile, saving-consequences, origin-details, unknown-area,"
            + " predecessor", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long catalogId,
            @NotNull @Valid ProposalInput input, @Context UriInfo uri) {
        ProposalView created = proposals.create(caller.actor(), municipality, catalogId, input);
        return Responses.created(uri.getBaseUriBuilder().path("api/v1/municipalities").path(municipality).path("proposals")
                .path(Long.toString(created.id())).build(), created, created.version());
    }

    @POST
    @Path("/import")
    @Consumes({ "text/csv", "application/csv", XlsxWriter.MEDIA_TYPE })
    @RolesAllowed(FINANCE_OFFICER)
    @Operation(summary = "Import the catalog's proposals from its export (CSV or XLSX), edited in Excel", description = """
            The layout of export.csv / export.xlsx: the title row, the header row (exactly the export's columns, any
            order), one row per proposal; subtotal rows are skipped and reading stops at the total row ("I alt"), so
            anything below it is ignored. A row with a Nummer changes that proposal and names the Version it was
            exported with; a row without one writes a new DRAFT in the area its Politikområde names (its description
            starts as its title). A row the same as the proposal changes nothing, so importing an export unchanged
            gives 0 created and 0 updated. Read from the row: Titel, Type, Oprindelse, Usikkerhed, the four years' net
            change (whole kroner: -1500000, -1.500.000 or -1.500.000,00), Servicekonsekvenser, Begrundelse for type;
            the rest of the proposal is kept. Udvalg, Hovedkonto, I alt and Tilbagebetalt år are derived and not
            read; an investment's amounts are its cost and gains, changed in the proposal itself. CSV: ';' (or ',' or
            tab), UTF-8 with or without a byte-order mark unless Content-Type names a charset (e.g.
            windows-1252), CRLF or LF. All or nothing: every row is checked with the rules of the single-proposal
            POST and PUT (and a stale Version, a number twice, a proposal no longer editable), and a 422 lists every
            bad row and column by the row number the spreadsheet shows; nothing is written unless all rows pass.
            Each change is written by the same create and update as POST .../proposals and PUT /proposals/{id}, in
            one transaction. dryRun=true checks and answers what would be done, without writing.""")
    @RequestBody(description = "The sheet", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "export.csv, one title edited, one new row", value = """
                            Katalog 2027 (kr., 2027-priser; negativ = råderum)
                            Nummer;Titel;Type;Politikområde;Udvalg;Hovedkonto;Status;Oprindelse;Usikkerhed;2027;2028;2029;2030;I alt;Tilbagebetalt år;Servicekonsekvenser;Begrundelse for type;Version
                            ÆLD-01;Videobesøg i hjemmeplejen;effektivisering;Ældreområdet;Social- og Sundhedsudvalget;5;Kladde;Administrationen;middel;-1.500.000;-2000000;-2000000;-2000000;-7500000;;;Samme hjælp med færre kørselstimer;3
                            ;Færre vikarer;besparelse;Ældreområdet;;;;Parti: Venstre;lav;-500000;-500000;-500000;-500000;;;Længere ventetid på afløsning;Færre timer, lavere service;
                            Subtotal ÆLD Ældreområdet;;;;;;;;;-2000000;-2500000;-2500000;-2500000;-9500000
                            I alt;;;;;;;;;-2000000;-2500000;-2500000;-2500000;-9500000""")),
            @Content(mediaType = XlsxWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "200", description = "Imported (or, with dryRun, checked): counts and each row's outcome",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportView.class),
                    examples = @ExampleObject(name = "an export with one edit and one new row", value = """
                            {"rows": 3, "created": 1, "updated": 1, "unchanged": 1, "dryRun": false, "results": [
                              {"row": 3, "number": "ÆLD-01", "id": 4711, "action": "UPDATED"},
                              {"row": 4, "number": "ÆLD-02", "id": 4712, "action": "UNCHANGED"},
                              {"row": 5, "number": "ÆLD-03", "id": 4790, "action": "CREATED"}]}""")))
    @APIResponse(responseCode = "400", description = "The body cannot be read as CSV or XLSX (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Rows change proposals of a catalog that is not open (`catalog-closed`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "The file is larger than the platform's limit (`content-too-large`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Neither CSV nor XLSX, or an unknown charset (`unsupported-media-type`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "`business-rule` with rule `import-empty` (no rows, no header row),"
            + " `import-header` (errors[] names each missing or unknown column; `expectedHeaders` lists the export's),"
            + " `import-size` (more than 10,000 rows) or `import-rows` (errors[] has one entry per bad cell, field"
            + " 'row N: column', e.g. 'row 7: 2028' / \"'-1500,5' has a fraction of a krone\"; `errorCount`, `rows`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "import-rows", value = """
                    {"type": "https://raaderum.dk/problems/business-rule", "title": "A business rule is broken",
                     "status": 422, "rule": "import-rows", "errorCount": 2, "rows": 12,
                     "detail": "2 error(s) in 2 of 12 row(s); nothing was imported. First: row 4: Version: stale: ...",
                     "errors": [
                       {"field": "row 4: Version", "message": "stale: ÆLD-02 has changed since version 3 was exported (it is at version 5); export again and redo the change"},
                       {"field": "row 9: Politikområde", "message": "unknown-area: catalog 2027 has no policy area 'Havne'; it has [...]"}]}""")))
    public ImportView importSheet(@Parameter(example = "329") @PathParam("municipalityCode") String municipality,
            @PathParam("catalogId") long catalogId,
            @Parameter(description = "Check the file and answer what would be done, without writing")
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @Context HttpHeaders headers, InputStream body) {
        MediaType type = headers.getMediaType();
        CatalogSheet.Format format = "csv".equalsIgnoreCase(type.getSubtype()) ? CatalogSheet.Format.CSV
                : CatalogSheet.Format.XLSX;
        return imports.run(caller.actor(), municipality, catalogId, format, charset(type), body, dryRun);
    }

    /** The charset the Content-Type names (CSV); UTF-8 when it names none. */
    private static Charset charset(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unknown charset '" + name + "'");
        }
    }
}
