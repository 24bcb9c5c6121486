package dk.raaderum.proposal.rest;

import static dk.raaderum.platform.web.security.Roles.FINANCE_OFFICER;
import static dk.raaderum.platform.web.security.Roles.KL_CURATOR;
import static dk.raaderum.platform.web.security.Roles.MUNICIPAL_SYSTEM;
import static dk.raaderum.platform.web.security.Roles.POLITICIAN;
import static dk.raaderum.platform.web.security.Roles.PROGRAM_OWNER;

import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.spreadsheet.XlsxWriter;
import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.platform.web.security.CrossMunicipality;
import dk.raaderum.proposal.domain.ProposalStatus;
import dk.raaderum.proposal.service.CatalogModels.Adoption;
import dk.raaderum.proposal.service.CatalogModels.AdoptionResult;
import dk.raaderum.proposal.service.CatalogModels.AreaInput;
import dk.raaderum.proposal.service.CatalogModels.CatalogView;
import dk.raaderum.proposal.service.CatalogModels.CreateCatalog;
import dk.raaderum.proposal.service.CatalogModels.UpdateCatalog;
import dk.raaderum.proposal.service.CatalogService;
import dk.raaderum.proposal.service.CatalogSummaryService.Summary;
import dk.raaderum.proposal.service.CatalogSummaryService;
import dk.raaderum.proposal.service.ProposalModels.SimilarView;
import dk.raaderum.proposal.service.ProposalService;
import dk.raaderum.proposal.service.ProposalWorkflow;
import dk.raaderum.proposal.service.TargetReadModel.AreaTarget;
import dk.raaderum.proposal.service.TargetReadModel;
import dk.raaderum.proposal.service.export.CatalogExport;
import dk.raaderum.proposal.service.export.CatalogExportService;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import java.util.List;
import java.util.Set;

/** A municipality's catalogs: their areas and status, the summary, exports and the budget agreement. */
@Path("/api/v1/municipalities/{municipalityCode}/catalogs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogs", description = "Catalogs of råderum proposals, one per municipality and budget year")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or another municipality",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CatalogResource {

    /** The one definition of what the summary and the exports count (TotalScope), as the API describes it. */
    private static final String COUNTED = "The summary and the exports count the same proposals: by default those"
            + " neither rejected nor withdrawn; with status=… exactly the chosen statuses, in both.";
    private static final String STATUS_PARAMETER = "Statuses to count, repeated or comma-separated";

    private final CatalogService catalogs;
    private final CatalogSummaryService summaries;
    private final CatalogExportService exports;
    private final ProposalWorkflow workflow;
    private final ProposalService proposals;
    private final TargetReadModel targets;
    private final Caller caller;

    public CatalogResource(CatalogService catalogs, CatalogSummaryService summaries, CatalogExportService exports,
            ProposalWorkflow workflow, ProposalService proposals, TargetReadModel targets, Caller caller) {
        this.catalogs = catalogs;
        this.summaries = summaries;
        this.exports = exports;
        this.workflow = workflow;
        this.proposals = proposals;
        this.targets = targets;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, PROGRAM_OWNER, MUNICIPAL_SYSTEM, KL_CURATOR })
    @CrossMunicipality(KL_CURATOR)
    @Operation(summary = "List the municipality's catalogs", description = "Newest budget year first.")
    @APIResponse(responseCode = "200", description = "The municipality's catalogs")
    public List<CatalogView> list(@Parameter(example = "573") @PathParam("municipalityCode") String municipality) {
        return catalogs.list(municipality);
    }

    @POST
    @RolesAllowed(FINANCE_OFFICER)
    @Operation(summary = "Create a catalog for a budget year", description = "The catalog covers the budget year and its"
            + " three projection years; amounts are at the price level year's prices. One catalog per budget year."
            + " Area codes are checked against the municipality's register of policy areas (target-service, received"
            + " as policy-area.changed): a retired code or one the register lacks is 422 `area-not-in-register`; each"
            + " area takes the register's name. Until a register has arrived, every code is accepted and `warnings`"
            + " says `area-register-missing`. Just added an area in target-service? Send its answer's `revision` as"
            + " `policyAreaRevision`: a code missing only because that revision has not arrived yet is accepted"
            + " (`area-register-pending`).")
    @APIResponse(responseCode = "201", description = "Created; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The municipality has a catalog for that year; existingCatalog"
            + " names it (id, budgetYear, title, href)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "An area code is given twice (`unique-area-codes`), or is not an active area of the register (`area-not-in-register`, `errors[]` per code)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(@PathParam("municipalityCode") String municipality, @NotNull @Valid CreateCatalog request,
            @Parameter(description = "The register revision target-service answered when you changed the register", example = "4")
            @QueryParam("policyAreaRevision") @Min(1) Long policyAreaRevision,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        CatalogView created = catalogs.create(caller.actor(), municipality, request, policyAreaRevision);
        return Responses.created(uri, created.id(), created, created.version());
    }

    @GET
    @Path("/{catalogId}")
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, PROGRAM_OWNER, MUNICIPAL_SYSTEM, KL_CURATOR })
    @CrossMunicipality(KL_CURATOR)
    @Operation(summary = "A catalog with its policy areas", description = "The ETag is the version for If-Match. An"
            + " adopted catalog carries `agreedCheck`: its adopted proposals against the economic policy and the fixed"
            + " frames of a multi-year agreement, as the budget agreement answered it.")
    @APIResponse(responseCode = "404", description = "No such catalog in the municipality",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "An adopted catalog's check needs a price level the"
            + " municipality's index lacks (price-level-missing)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The catalog; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogView.class)))
    public Response get(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long id) {
        CatalogView catalog = catalogs.get(municipality, id).orElseThrow(() -> ProblemException.notFound("Catalog", id));
        return Responses.versioned(catalog, catalog.version());
    }

    @PUT
    @Path("/{catalogId}")
    @RolesAllowed(FINANCE_OFFICER)
    @Operation(summary = "Change an open catalog's title, price level or karensperiode",
            description = "Send If-Match with the ETag you read, or the version in the body.")
    @APIResponse(responseCode = "409", description = "Changed by someone else, or the catalog is not open",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match does not match", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The changed catalog; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogView.class)))
    public Response update(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid UpdateCatalog request) {
        CatalogView catalog = catalogs.update(caller.actor(), municipality, id, request, EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(catalog, catalog.version());
    }

    @POST
    @Path("/{catalogId}/areas")
    @RolesAllowed(FINANCE_OFFICER)
    @Operation(summary = "Add a policy area to an open catalog", description = "Checked against the register of"
            + " policy areas as a new catalog is (`policyAreaRevision` likewise).")
    @APIResponse(responseCode = "409", description = "The area exists, or the catalog is not open",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Not an active area of the register (`area-not-in-register`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The catalog with the area; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogView.class)))
    public Response addArea(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long id,
            @QueryParam("policyAreaRevision") @Min(1) Long policyAreaRevision, @NotNull @Valid AreaInput area) {
        CatalogView catalog = catalogs.addArea(caller.actor(), municipality, id, area, policyAreaRevision);
        return Responses.versioned(catalog, catalog.version());
    }

    @POST
    @Path("/{catalogId}/lock")
    @Consumes(MediaType.WILDCARD) // no body: a POST without Content-Type is fine
    @RolesAllowed(FINANCE_OFFICER)
    @Operation(summary = "Lock the catalog for the budget negotiations",
            description = "OPEN → LOCKED: no new proposals, no edits; presenting, adopting and rejecting go on.")
    @APIResponse(responseCode = "409", description = "The catalog is not open", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The locked catalog; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogView.class)))
    public Response lock(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long id) {
        CatalogView catalog = catalogs.lock(caller.actor(), municipality, id);
        return Responses.versioned(catalog, catalog.version());
    }

    @POST
    @Path("/{catalogId}/reopen")
    @Consumes(MediaType.WILDCARD) // no body: a POST without Content-Type is fine
    @RolesAllowed(FINANCE_OFFICER)
    @Operation(summary = "Reopen a locked catalog", description = "LOCKED → OPEN.")
    @APIResponse(responseCode = "409", description = "The catalog is not locked", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The reopened catalog; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogView.class)))
    public Response reopen(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long id) {
        CatalogView catalog = catalogs.reopen(caller.actor(), municipality, id);
        return Responses.versioned(catalog, catalog.version());
    }

    @POST
    @Path("/{catalogId}/adoption")
    @RolesAllowed(FINANCE_OFFICER)
    @Operation(summary = "Record the budget agreement", description = "In one transaction: the listed presented proposals"
            + " are adopted, every other presented proposal is rejected, and the catalog is adopted. Emits"
            + " proposal.adopted, proposal.rejected and catalog.adopted. `check` is the agreed selection against the"
            + " economic policy (with the stated `assumptions`, kept with the catalog) and, when a multi-year agreement"
            + " covers the budget year, each committee against its fixed frame, as the simulation computes them;"
            + " fixed frames breached are listed in `frameBreaches`, kept on the agreement and flagged to the finance"
            + " committee (agreement.frame-breached). GET of the adopted catalog shows the same check as `agreedCheck`.")
    @APIResponse(responseCode = "409", description = "The catalog is adopted already", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A listed proposal is not presented in this catalog (rule"
            + " adopt-presented), an assumption's year is not the catalog's (assumption-years), or a price level the"
            + " check needs is missing (price-level-missing)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The budget agreement's result")
    public AdoptionResult adopt(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid Adoption adoption) {
        return workflow.adopt(caller.actor(), municipality, id, adoption, EntityTags.parseIfMatch(ifMatch));
    }

    @GET
    @Path("/{catalogId}/summary")
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, PROGRAM_OWNER, MUNICIPAL_SYSTEM, KL_CURATOR })
    @CrossMunicipality(KL_CURATOR)
    @Operation(summary = "Totals per year by type and by area", description = "Net change in operating expenses"
            + " (negative creates room) of the proposals you may see, in the chosen statuses (default: all but withdrawn"
            + " and rejected); roomCreated/roomSpent are positive amounts. " + COUNTED)
    @APIResponse(responseCode = "200", description = "The summary")
    public Summary summary(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long id,
            @Parameter(description = STATUS_PARAMETER, example = "PRESENTED,ADOPTED")
            @QueryParam("status") List<String> status) {
        return summaries.summary(caller.actor(), municipality, id, statuses(status));
    }

    @GET
    @Path("/{catalogId}/export.csv")
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, PROGRAM_OWNER, MUNICIPAL_SYSTEM, KL_CURATOR })
    @CrossMunicipality(KL_CURATOR)
    @Operation(summary = "The catalog as CSV (Danish Excel)", description = "';'-separated UTF-8 with BOM, Danish"
            + " headers, one row per proposal grouped by area, a subtotal per area and a totals row (\"I alt\"), then"
            + " one note row saying what the totals count (\"Bemærk: subtotaler og I alt omfatter forslag der ikke er"
            + " forkastet eller trukket tilbage\"). " + COUNTED)
    @APIResponse(responseCode = "200", description = "The catalog as CSV (semicolon-separated, UTF-8)",
            content = @Content(mediaType = CsvWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportCsv(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long id,
            @Parameter(description = STATUS_PARAMETER, example = "PRESENTED,ADOPTED") @QueryParam("status") List<String> status) {
        CatalogExport export = exports.export(caller.actor(), municipality, id, statuses(status));
        return Responses.attachment("katalog-" + municipality + "-" + id + ".csv", CsvWriter.MEDIA_TYPE, export::writeCsv);
    }

    @GET
    @Path("/{catalogId}/export.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, PROGRAM_OWNER, MUNICIPAL_SYSTEM, KL_CURATOR })
    @CrossMunicipality(KL_CURATOR)
    @Operation(summary = "The catalog as an Excel workbook", description = "Danish headers, one row per proposal"
            + " grouped by area, a subtotal per area and a totals row, then the note row of the CSV; opens in Excel and"
            + " LibreOffice. " + COUNTED)
    @APIResponse(responseCode = "200", description = "The catalog as an Excel workbook",
            content = @Content(mediaType = XlsxWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportXlsx(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long id,
            @Parameter(description = STATUS_PARAMETER, example = "PRESENTED,ADOPTED") @QueryParam("status") List<String> status) {
        CatalogExport export = exports.export(caller.actor(), municipality, id, statuses(status));
        return Responses.attachment("katalog-" + municipality + "-" + id + ".xlsx", XlsxWriter.MEDIA_TYPE, export::writeXlsx);
    }

    @GET
    @Path("/{catalogId}/targets")
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, PROGRAM_OWNER, MUNICIPAL_SYSTEM })
    @Operation(summary = "Efficiency targets received for the catalog's years", description = "From target-service's"
            + " target.allocated events: per area and year the room to create (all targets summed) and the area budget,"
            + " at one price level: `priceLevelYear`, by default the catalog's (so it matches the simulation). Targets"
            + " allocated at another level are PL-regulated to it exactly as the simulation does; each row says"
            + " `priceLevel` {year, convertedFrom: [...]} and each target's own level (`allocations[].allocatedAtPriceLevel`).")
    @APIResponse(responseCode = "200", description = "Per area and year")
    @APIResponse(responseCode = "400", description = "`priceLevelYear` outside 2000–2100 (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such catalog in the municipality",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "The price index lacks a year the conversion needs"
            + " (`price-level-missing`, member `year`), or a converted amount is beyond the bound (rule `amount-bound`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<AreaTarget> targets(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long id,
            @Parameter(description = "The price level to state the targets at; default the catalog's", example = "2027")
            @QueryParam("priceLevelYear") @Min(PriceIndex.MIN_YEAR) @Max(PriceIndex.MAX_YEAR) Integer priceLevelYear) {
        return targets.forCatalog(municipality, id, priceLevelYear);
    }

    @GET
    @Path("/{catalogId}/similar")
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, MUNICIPAL_SYSTEM })
    @Operation(summary = "Proposals resembling a text being written", description = "Same municipality and area, every"
            + " year up to the catalog's; nearDuplicate marks those that would block presenting (karensperiode).")
    @APIResponse(responseCode = "200", description = "Pairs of proposals that look alike")
    public List<SimilarView> similar(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long id,
            @Parameter(example = "ÆLD") @QueryParam("area") @NotBlank String area,
            @Parameter(example = "Videobesøg i hjemmeplejen") @QueryParam("title") @NotBlank String title,
            @QueryParam("description") String description) {
        return proposals.similar(caller.actor(), municipality, id, area, title, description);
    }

    private static Set<ProposalStatus> statuses(List<String> values) {
        return QueryParams.enums("status", values, ProposalStatus.class);
    }
}
