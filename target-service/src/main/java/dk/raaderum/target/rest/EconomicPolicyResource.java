package dk.raaderum.target.rest;

import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.platform.web.security.Roles;
import dk.raaderum.target.service.PolicyModels.DraftInput;
import dk.raaderum.target.service.PolicyModels.History;
import dk.raaderum.target.service.PolicyModels.PolicyAdoption;
import dk.raaderum.target.service.PolicyModels.PolicyInput;
import dk.raaderum.target.service.PolicyModels.PolicyView;
import dk.raaderum.target.service.PolicyService;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

@Path("/api/v1/municipalities/{municipalityCode}/economic-policies")
@Tag(name = "Economic policy", description = "The municipality's economic policy (økonomisk politik), versioned: the room to create and the key figures it must protect, each with a bound per year")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token (problem+json `unauthenticated`)")
@APIResponse(responseCode = "403", description = "Another municipality (`wrong-municipality`) or a role that may not do this (`forbidden`)")
@APIResponse(responseCode = "404", description = "Not one of the 98 municipality codes (`unknown-municipality`) or no such version (`not-found`)")
public class EconomicPolicyResource {

    /** Halsnæs's policy as a first draft: the room at least 1.5 % of the operating budget, and three bounds. */
    static final String HALSNAES = """
            {"firstBudgetYear": 2027, "priceLevelYear": 2027, "keyFigures": [
              {"key": "room", "name": "Budgethåndtag: 1,5 % af driftsbudgettet", "kind": "ROOM", "unit": "PERCENT", "boundType": "AT_LEAST",
               "bounds": [{"year": 2027, "value": 1.5}, {"year": 2028, "value": 1.5}, {"year": 2029, "value": 1.5}, {"year": 2030, "value": 1.5}]},
              {"key": "cash-holdings", "name": "Gennemsnitlig likviditet (kassekreditreglen)", "kind": "CASH_HOLDINGS", "unit": "KRONER", "boundType": "AT_LEAST",
               "bounds": [{"year": 2027, "value": 100000000}, {"year": 2028, "value": 100000000}, {"year": 2029, "value": 100000000}, {"year": 2030, "value": 100000000}],
               "baseline": [{"year": 2027, "value": 140000000}, {"year": 2028, "value": 120000000}, {"year": 2029, "value": 105000000}, {"year": 2030, "value": 95000000}]},
              {"key": "service-buffer", "name": "Servicebuffer", "kind": "SERVICE_BUFFER", "unit": "KRONER", "boundType": "AT_LEAST",
               "bounds": [{"year": 2027, "value": 20000000}, {"year": 2028, "value": 20000000}, {"year": 2029, "value": 20000000}, {"year": 2030, "value": 20000000}],
               "baseline": [{"year": 2027, "value": 25000000}, {"year": 2028, "value": 22000000}, {"year": 2029, "value": 18000000}, {"year": 2030, "value": 15000000}]},
              {"key": "long-term-debt", "name": "Langfristet gæld", "kind": "LONG_TERM_DEBT", "unit": "KRONER", "boundType": "AT_MOST",
               "bounds": [{"year": 2027, "value": 600000000}, {"year": 2028, "value": 590000000}, {"year": 2029, "value": 580000000}, {"year": 2030, "value": 570000000}],
               "baseline": [{"year": 2027, "value": 580000000}, {"year": 2028, "value": 575000000}, {"year": 2029, "value": 570000000}, {"year": 2030, "value": 565000000}]}]}""";

    private static final String READERS_DESCRIPTION = "Finance officers, politicians and the municipality's systems read.";

    private final PolicyService policies;
    private final Caller caller;

    public EconomicPolicyResource(PolicyService policies, Caller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "List every version of the economic policy", description = "Newest first, drafts and adopted versions; `current` marks the newest adopted one. " + READERS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "A page of versions")
    @APIResponse(responseCode = "400", description = "Bad paging parameters (`validation`)")
    public PageOf<PolicyView> list(@Parameter(example = "260") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, 1–100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return policies.list(municipality, page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Draft a new version of the economic policy", description = "The first version states everything; a later one starts as a copy of the last adopted version, and what the request states replaces that part (`{}` copies it whole; a basis taken from the base budget is taken again). A PERCENT figure without `basis` is a percent of the total operating budget of the base budget of `firstBudgetYear` (Halsnæs: budget levers worth 1.5 % of the operating budget every year). One draft at a time.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftInput.class),
            examples = @ExampleObject(name = "Halsnæs", summary = "Room 1.5 % of the operating budget; cash holdings, service buffer, debt ceiling", value = HALSNAES)))
    @APIResponse(responseCode = "201", description = "Drafted; Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "400", description = "Not valid (`validation`), e.g. a key that is not lower-case")
    @APIResponse(responseCode = "409", description = "A draft exists already (`policy-draft-exists`, member `draftVersion`)")
    @APIResponse(responseCode = "422", description = "Rules `policy-incomplete`, `key-figures-required`, `key-figure-duplicate`, `key-figure-kind`, `key-figure-unit`, `key-figure-bound-type`, `key-figure-years`, `key-figure-baseline`, `room-baseline`, `key-figure-basis`, `key-figure-amount`, `key-figure-percent` (`errors[]` names each field, e.g. `keyFigures[1].unit`); `price-level-missing` when the base budget's operating total must be converted")
    public Response create(@Parameter(example = "260") @PathParam("municipalityCode") String municipality,
            @NotNull @Valid DraftInput input, @Context UriInfo uri) {
        PolicyView view = policies.createDraft(caller.actor(), municipality, input);
        return Responses.created(uri, view.policyVersion(), view, view.version());
    }

    @GET
    @Path("/current")
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The current economic policy", description = "The newest adopted version. " + READERS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The current version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyView.class)))
    public Response current(@Parameter(example = "260") @PathParam("municipalityCode") String municipality) {
        PolicyView view = policies.current(municipality)
                .orElseThrow(() -> ProblemException.notFound("Adopted economic policy of municipality", municipality));
        return Responses.versioned(view, view.version());
    }

    @GET
    @Path("/history")
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The adopted versions, oldest first", description = "Each with who recorded the adoption, when, the decision, and which key figures were added, removed or changed from the version adopted before. " + READERS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The history (empty before the first adoption)")
    public History history(@Parameter(example = "260") @PathParam("municipalityCode") String municipality) {
        return policies.history(municipality);
    }

    @GET
    @Path("/{policyVersion}")
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "Read a version of the economic policy", description = "Per key figure and year: the bound, the baseline, the basis and, for a percent, the bound in kroner (1.5 % of an operating budget of 1,200 mio. kr. = 18 mio. kr.). The ETag is the row's version for If-Match. " + READERS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyView.class)))
    public Response get(@PathParam("municipalityCode") String municipality,
            @Parameter(example = "1") @PathParam("policyVersion") @Min(1) int policyVersion) {
        PolicyView view = policies.get(municipality, policyVersion)
                .orElseThrow(() -> ProblemException.notFound("Economic policy version", policyVersion));
        return Responses.versioned(view, view.version());
    }

    @PUT
    @Path("/{policyVersion}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Change a draft version", description = "Replaces its whole content; send If-Match (the ETag) or `version` (428 without). An adopted version never changes.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "400", description = "Not valid (`validation`)")
    @APIResponse(responseCode = "409", description = "Adopted (`policy-adopted`) or `version` is stale (`concurrent-modification`)")
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag (`precondition-failed`)")
    @APIResponse(responseCode = "422", description = "The key figure rules, as for a new draft")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor `version` (`precondition-required`)")
    public Response update(@PathParam("municipalityCode") String municipality,
            @PathParam("policyVersion") @Min(1) int policyVersion, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid PolicyInput input) {
        PolicyView view = policies.update(caller.actor(), municipality, policyVersion, input,
                EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(view, view.version());
    }

    @POST
    @Path("/{policyVersion}/adopt")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Record the council's decision that adopts a draft version", description = "DRAFT → ADOPTED, with who recorded it, when and the decision reference. It becomes the current policy, never changes again, and is published as `economic-policy.adopted` (key = municipality code), which proposal-service checks simulations and budget agreements against.")
    @APIResponse(responseCode = "200", description = "Adopted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "400", description = "No decision reference (`validation`)")
    @APIResponse(responseCode = "409", description = "Adopted already (`policy-adopted`) or `version` is stale (`concurrent-modification`)")
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag (`precondition-failed`)")
    public Response adopt(@PathParam("municipalityCode") String municipality,
            @PathParam("policyVersion") @Min(1) int policyVersion, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid PolicyAdoption adoption) {
        PolicyView view = policies.adopt(caller.actor(), municipality, policyVersion, adoption,
                EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(view, view.version());
    }
}
