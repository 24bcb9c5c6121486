package dk.raaderum.proposal.rest;

import static dk.raaderum.platform.web.security.Roles.FINANCE_OFFICER;

import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.proposal.service.CatalogRollover;
import dk.raaderum.proposal.service.RolloverModels.RolloverPreview;
import dk.raaderum.proposal.service.RolloverModels.RolloverRequest;
import dk.raaderum.proposal.service.RolloverModels.RolloverResult;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

import java.util.ArrayList;
import java.util.List;

/** The next budget year's catalog made from an existing one: preview and rollover. */
@Path("/api/v1/municipalities/{municipalityCode}/catalogs/{catalogId}/rollover")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogs")
@RolesAllowed(FINANCE_OFFICER)
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a finance officer, or another municipality",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such catalog in the municipality (another municipality's id)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "A chosen proposal id is not a proposal of the catalog or cannot be"
        + " carried (rule rollover-proposals; errors[] names each id and why)", content = @Content(
                mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(
                        name = "unknown id", value = CatalogRolloverResource.UNKNOWN_ID_EXAMPLE)))
public class CatalogRolloverResource {

    static final String RULES = " The window slides one year: the old catalog covers Y..Y+3, the new one Y+1..Y+4;"
            + " the amounts of Y+1..Y+3 stay with their years, the new last year Y+4 continues the old Y+3 amount and the"
            + " amount of Y drops out (for an investment its cost and gains each, and the staff change). Amounts are not"
            + " price-adjusted: the new catalog keeps the old price level year, areas and karensperiode. Carried:"
            + " DRAFT, SUBMITTED, QUALIFIED, PRESENTED (not decided) and REJECTED proposals, as DRAFT successors"
            + " (predecessor = the old proposal, new numbers per area in the old order); never ADOPTED; WITHDRAWN only"
            + " with includeWithdrawn. A proposal whose moved amounts break a rule of proposals (e.g. a one-year"
            + " saving, or an investment whose cost was all in Y) is not carried (BREAKS_RULE, with the rule). The new"
            + " catalog's areas take the register of policy areas' current names; an area the register has retired (or,"
            + " once the municipality has a register, does not have) is left out and its proposals are not carried"
            + " (AREA_RETIRED, AREA_NOT_IN_REGISTER), listed in leftOutAreas and named by a warning (area-retired,"
            + " area-not-in-register). The new catalog names its source as rolledOverFrom, the source names it as"
            + " rolledOverTo.";
    static final String UNKNOWN_ID_EXAMPLE = """
            {"type": "https://raaderum.dk/problems/business-rule", "title": "The request breaks a business rule",
             "status": 422, "detail": "1 of the chosen proposals cannot be carried from catalog 4711 (budget 2027)",
             "rule": "rollover-proposals",
             "errors": [{"field": "proposalIds", "message": "999 is not a proposal of catalog 4711"}]}""";
    static final String CONFLICT_EXAMPLE = """
            {"type": "https://raaderum.dk/problems/conflict", "title": "Conflict", "status": 409,
             "detail": "Municipality 329 already has a catalog for 2028: /api/v1/municipalities/329/catalogs/4760",
             "existingCatalog": {"id": 4760, "budgetYear": 2028, "title": "Omstillingskatalog 2028–2031",
                                 "href": "/api/v1/municipalities/329/catalogs/4760"}}""";
    static final String RETIRED_EXAMPLE = """
            {"fromCatalogId": 4711, "fromBudgetYear": 2027, "budgetYear": 2028, "years": [2028, 2029, 2030, 2031],
             "title": "Omstillingskatalog 2028–2031", "priceLevelYear": 2027, "karensperiodeYears": 1,
             "areas": [{"code": "ÆLD", "name": "Ældre og sundhed", "mainAccount": 5,
                        "committee": "Social- og Sundhedsudvalget"}],
             "existingCatalog": null, "carriedCount": 0, "karensBlockedCount": 0, "carried": [],
             "notCarried": [{"id": 4720, "number": "TEK-01", "title": "Fælles indkøb af vejsalt", "areaCode": "TEK",
                             "status": "DRAFT", "reason": "AREA_RETIRED", "rule": null,
                             "detail": "Area TEK is retired in the register of policy areas: the new catalog leaves it out"}],
             "leftOutAreas": [{"code": "TEK", "name": "Teknik og miljø", "reason": "AREA_RETIRED", "proposalsNotCarried": 1}],
             "warnings": [{"code": "area-retired",
                           "message": "Retired in the municipality's register of policy areas: TEK. The rollover leaves this area out of the 2028 catalog and does not carry its 1 proposal(s) (notCarried, reason AREA_RETIRED)"}]}""";
    static final String REQUEST_EXAMPLE = """
            {"proposalIds": [4712, 4713, 4720], "includeWithdrawn": false, "title": "Omstillingskatalog 2028–2031"}""";

    private final CatalogRollover rollover;
    private final Caller caller;

    public CatalogRolloverResource(CatalogRollover rollover, Caller caller) {
        this.rollover = rollover;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Preview the next budget year's catalog", description = "Exactly what POST would carry, with"
            + " the same choices, nothing written: per proposal the old id, number and status, the new number, title,"
            + " net change per new year and the karensperiode flag (blocked, untilYear, the earlier proposal), and what"
            + " is not carried and why (ADOPTED, WITHDRAWN, NOT_CHOSEN, BREAKS_RULE, AREA_RETIRED,"
            + " AREA_NOT_IN_REGISTER), the areas left out and the warnings the POST will answer with. existingCatalog"
            + " names the catalog the municipality already has for that year (POST would then be 409)." + RULES)
    @APIResponse(responseCode = "200", description = "The plan; here with a retired area", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RolloverPreview.class),
            examples = @ExampleObject(name = "a retired area", value = RETIRED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A proposalIds value is not a number",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RolloverPreview preview(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long id,
            @Parameter(description = "Carry only these proposals (ids), repeated or comma-separated; default: all that"
                    + " carry", example = "4712,4713") @QueryParam("proposalIds") List<String> proposalIds,
            @Parameter(description = "Carry withdrawn proposals too", example = "false")
            @QueryParam("includeWithdrawn") Boolean includeWithdrawn,
            @Parameter(description = "The new catalog's title; default: the old title with its years moved one on")
            @QueryParam("title") @Size(max = 200) String title) {
        RolloverRequest request = new RolloverRequest(ids(proposalIds), includeWithdrawn,
                title == null || title.isBlank() ? null : title);
        return rollover.preview(caller.actor(), municipality, id, request);
    }

    @POST
    @Operation(summary = "Create the next budget year's catalog from this one", description = "In one transaction: the"
            + " catalog for the next budget year with this catalog's areas and settings, and the carried proposals as"
            + " DRAFTs, each created as POST …/proposals would (history, checks, events: catalog.changed for the"
            + " catalog; a new draft emits none). The body is optional (all members are). The answer lists what was"
            + " carried (old and new id and number, amounts, karensperiode flag) and what was not, and why." + RULES)
    @APIResponse(responseCode = "201", description = "Created; Location points at the new catalog",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RolloverResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (e.g. a blank title)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The municipality has a catalog for the next budget year already;"
            + " existingCatalog names it (id, href)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "year taken", value = CONFLICT_EXAMPLE)))
    public Response create(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long id,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RolloverRequest.class),
                    examples = @ExampleObject(name = "a subset", value = REQUEST_EXAMPLE))) @Valid RolloverRequest request,
            @Context UriInfo uri) {
        RolloverResult result = rollover.rollover(caller.actor(), municipality, id, request);
        return Responses.created(uri.getBaseUriBuilder().path("api/v1/municipalities").path(municipality)
                .path("catalogs").path(Long.toString(result.catalog().id())).build(), result, result.catalog().version());
    }

    /** Ids from repeated or comma-separated values; null when none are given (carry every proposal that carries). */
    private static List<Long> ids(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<Long> ids = new ArrayList<>();
        for (String value : QueryParams.strings(values)) {
            try {
                ids.add(Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw ProblemException.validation("proposalIds: '" + value + "' is not a proposal id",
                        List.of(new FieldError("proposalIds", "a number")));
            }
        }
        return ids.isEmpty() ? null : ids;
    }
}
