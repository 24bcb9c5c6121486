package dk.raaderum.proposal.rest;

import static dk.raaderum.platform.web.security.Roles.FINANCE_OFFICER;
import static dk.raaderum.platform.web.security.Roles.MUNICIPAL_SYSTEM;
import static dk.raaderum.platform.web.security.Roles.POLITICIAN;

import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.proposal.service.AgreementModels.AgreementCatalogRequest;
import dk.raaderum.proposal.service.AgreementModels.AgreementCatalogResult;
import dk.raaderum.proposal.service.AgreementModels.AgreementInput;
import dk.raaderum.proposal.service.AgreementModels.AgreementView;
import dk.raaderum.proposal.service.AgreementService;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import java.util.List;

/** Multi-year budget agreements: committees with fixed frames for two or more budget years. */
@Path("/api/v1/municipalities/{municipalityCode}/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Multi-year agreements", description = "Agreements covering two or more budget years with every"
        + " committee's operating frame fixed per year (Næstved's two-year agreement); the technical yearly adjustment"
        + " comes on top, an overrun must be met by the committee's own proposals")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or another municipality",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AgreementResource {

    static final String NAESTVED = """
            {"title": "Budgetaftale 2027–2028", "firstBudgetYear": 2027, "lastBudgetYear": 2028,
             "priceLevelYear": 2027, "decisionReference": "BY 2026-10-06 pkt. 4",
             "committees": [
               {"name": "Social- og Sundhedsudvalget", "areaCodes": ["ÆLD"],
                "frames": [{"year": 2027, "amount": 405000000}, {"year": 2028, "amount": 405000000}]},
               {"name": "Børne- og Skoleudvalget", "areaCodes": ["SKO", "DAG"],
                "frames": [{"year": 2027, "amount": 610000000}, {"year": 2028, "amount": 608000000}]}]}""";
    static final String OVERLAP = """
            {"type": "https://raaderum.dk/problems/business-rule", "title": "The request breaks a business rule",
             "status": 422, "rule": "agreement-years-overlap",
             "detail": "The municipality's agreement 12 (Budgetaftale 2027–2028) covers 2027–2028, which overlaps 2028–2029",
             "errors": [{"field": "firstBudgetYear", "message": "overlaps agreement 12"}]}""";

    private final AgreementService agreements;
    private final Caller caller;

    public AgreementResource(AgreementService agreements, Caller caller) {
        this.agreements = agreements;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, MUNICIPAL_SYSTEM })
    @Operation(summary = "The municipality's multi-year agreements", description = "Oldest first, each with its"
            + " committees, frames, covered catalogs and the fixed frames budget agreements have breached.")
    @APIResponse(responseCode = "200", description = "The municipality's agreements, by their first budget year")
    public List<AgreementView> list(@Parameter(example = "370") @PathParam("municipalityCode") String municipality) {
        return agreements.list(municipality);
    }

    @POST
    @RolesAllowed(FINANCE_OFFICER)
    @Operation(summary = "Record a multi-year agreement", description = "Two or more consecutive budget years, a"
            + " decision reference, committees (name, the catalog area codes each answers for, an area in at most one"
            + " committee) and each committee's fixed operating frame for every covered year, whole kroner at"
            + " priceLevelYear (default the first year). A committee's frame in a year is the fixed frame plus the"
            + " compensated technical budget adjustments of its areas (target-service's budget-adjustments.changed);"
            + " the simulation of a covered catalog shows each committee against it. Emits agreement.adopted.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
            implementation = AgreementInput.class), examples = @ExampleObject(name = "Næstved-like two-year agreement",
                    value = NAESTVED)))
    @APIResponse(responseCode = "201", description = "Recorded; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "agreement-years (fewer than two years),"
            + " agreement-years-overlap (another agreement of the municipality covers one of the years),"
            + " area-in-one-committee, committee-frames (a frame missing, outside the years or below 0 kr.),"
            + " area-not-in-register (an area the municipality's register of policy areas lacks or has retired)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "overlapping years",
                    value = OVERLAP)))
    public Response create(@PathParam("municipalityCode") String municipality, @NotNull @Valid AgreementInput input,
            @Context UriInfo uri) {
        AgreementView created = agreements.create(caller.actor(), municipality, input);
        return Responses.created(uri, created.id(), created, created.version());
    }

    @GET
    @Path("/{agreementId}")
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, MUNICIPAL_SYSTEM })
    @Operation(summary = "A multi-year agreement", description = "With its committees and frames, the catalogs of its"
            + " years, and frameBreaches: fixed frames breached by budget agreements of covered catalogs, flagged to the"
            + " finance committee.")
    @APIResponse(responseCode = "404", description = "No such agreement in the municipality",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The agreement with its committees, frames, catalogs and breaches")
    public AgreementView get(@PathParam("municipalityCode") String municipality,
            @PathParam("agreementId") long id) {
        return agreements.get(municipality, id);
    }

    @POST
    @Path("/{agreementId}/catalogs")
    @RolesAllowed(FINANCE_OFFICER)
    @Operation(summary = "Make a later covered year's catalog from the agreement", description = "The second year's"
            + " catalog starts from the agreement, not from scratch: the catalog of budgetYear (default: the first"
            + " later covered year without one) is rolled over from the catalog of budgetYear − 1, exactly as POST"
            + " …/catalogs/{id}/rollover does (areas, settings, proposals not adopted carried as drafts), and linked to"
            + " the agreement (catalog.agreement), so its simulation shows the committees against their frames.")
    @APIResponse(responseCode = "201", description = "Made; Location points at the new catalog",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AgreementCatalogResult.class)))
    @APIResponse(responseCode = "404", description = "No such agreement in the municipality",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The year has a catalog already (existingCatalog names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "agreement-catalog-year: not a later covered year, or the"
            + " earlier year has no catalog; rollover-proposals as for a rollover",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response createCatalog(@PathParam("municipalityCode") String municipality,
            @PathParam("agreementId") long id, @Valid AgreementCatalogRequest request, @Context UriInfo uri) {
        AgreementCatalogResult result = agreements.createCatalog(caller.actor(), municipality, id, request);
        return Responses.created(uri.getBaseUriBuilder().path("api/v1/municipalities").path(municipality)
                .path("catalogs").path(Long.toString(result.rollover().catalog().id())).build(), result,
                result.rollover().catalog().version());
    }
}
