package dk.raaderum.followup.rest;

import dk.raaderum.followup.domain.InitiativeStatus;
import dk.raaderum.followup.repository.InitiativeFilter;
import dk.raaderum.followup.service.InitiativeModels.AuditView;
import dk.raaderum.followup.service.InitiativeModels.InitiativeInput;
import dk.raaderum.followup.service.InitiativeModels.InitiativeSummary;
import dk.raaderum.followup.service.InitiativeModels.InitiativeView;
import dk.raaderum.followup.service.InitiativeModels.OwnerAssigned;
import dk.raaderum.followup.service.InitiativeModels.OwnerAssignments;
import dk.raaderum.followup.service.InitiativeModels.OwnerInput;
import dk.raaderum.followup.service.InitiativeService;
import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.platform.web.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/municipalities/{municipalityCode}/initiatives")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Initiatives", description = "The benefit register: adopted initiatives, their expected gains, owners and report slots")
public class InitiativeResource {

    private final InitiativeService initiatives;
    private final Caller caller;

    public InitiativeResource(InitiativeService initiatives, Caller caller) {
        this.initiatives = initiatives;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "List the municipality's initiatives", description = """
            Newest catalog year first. Each line has the totals over all years: adopted, expected, and over the reported
            periods expected and realised with the realisation ratio and its red/amber/green status; the number of
            overdue reports and the next due date. Ratios compare like with like: a report is at the prices of the
            year it reports on, so its realised amount is PL-regulated to the initiative's price level
            (realisedAtPriceLevel) with the municipality's price index before it is divided by the expectation;
            priceLevel says the level and the years converted from (convertedFrom null and a warning
            price-level-missing when the index lacks a year: then the amounts are compared as stated).""")
    @APIResponse(responseCode = "200", description = "A page of the register")
    @APIResponse(responseCode = "400", description = "A filter or the page is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another municipality, or a role that may not read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a municipality code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<InitiativeSummary> list(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Budget year of the catalog", example = "2027") @QueryParam("catalogYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer catalogYear,
            @Parameter(description = "Policy area code", example = "ÆLD") @QueryParam("areaCode") @Size(max = 10) String areaCode,
            @Parameter(description = "SAVING, EFFICIENCY or INVESTMENT (any case)") @QueryParam("type") ProposalType type,
            @Parameter(description = "ACTIVE or TERMINATED (any case)") @QueryParam("status") InitiativeStatus status,
            @Parameter(description = "Owner login", example = "varde-owner") @QueryParam("owner") @Size(max = 200) String owner,
            @Parameter(description = "The adopted proposal's id") @QueryParam("proposalId") Long proposalId,
            @Parameter(description = "Text in the title or proposal number") @QueryParam("q") @Size(max = 200) String q,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return initiatives.list(municipality, new InitiativeFilter(catalogYear, areaCode,
                type, status, owner, proposalId, q, false), page, size);
    }

    @GET
    @Path("/needs-owner")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Initiatives that need an owner", description = """
            Active initiatives without an owner login: no owner at all, or a named person without a login (e.g.
            "Ældrechef Jens Hansen" from the adopted proposal). Until a user owns them only finance officers can report.
            Newest catalog year first, then area; the same lines as the register. Assign owners one by one
            (PUT …/{id}/owner) or many at once (PUT …/initiatives/owners).""")
    @APIResponse(responseCode = "200", description = "A page of initiatives without an owner login")
    @APIResponse(responseCode = "400", description = "A filter or the page is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a finance officer of the municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a municipality code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<InitiativeSummary> needsOwner(
            @Parameter(description = "Municipality code (kommunekode)", example = "329") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Budget year of the catalog", example = "2027") @QueryParam("catalogYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer catalogYear,
            @Parameter(description = "Policy area code", example = "ÆLD") @QueryParam("areaCode") @Size(max = 10) String areaCode,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return initiatives.needsOwner(municipality, catalogYear, areaCode, page, size);
    }

    @PUT
    @Path("/owners")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Assign the owners of many initiatives at once", description = """
            A list of {initiativeId, version, owner: {username, name}}, at most 500: each as PUT …/{id}/owner would
            assign it, all in one transaction. All or nothing: when any item is bad (no such initiative in the
            municipality, given twice, a stale version, neither username nor name) nothing is assigned and a 422
            (rule owner-assignments-invalid) lists every bad item in errors (field assignments[i].…). An item without
            its version is 428. The answer gives each initiative's owner and new version.""")
    @APIResponse(responseCode = "200", description = "All assigned", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OwnerAssigned.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "The body is not valid (e.g. a username that is not a login name)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a finance officer of the municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a municipality code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An initiative changed while they were assigned (nothing was assigned)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Bad items, each listed in errors; nothing was assigned", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "An item without its version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<OwnerAssigned> assignOwners(
            @Parameter(description = "Municipality code (kommunekode)", example = "329") @PathParam("municipalityCode") String municipality,
            @NotNull @Valid OwnerAssignments input) {
        return initiatives.assignOwners(caller.actor(), municipality, input);
    }

    @POST
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Register an initiative decided outside a catalog", description = """
            For initiatives decided during the year (e.g. by the finance committee). Adopted proposals arrive by
            themselves (event proposal.adopted). SAVING/EFFICIENCY give expectedGains per year; INVESTMENT gives
            investmentCost and gains per year (expected = gains − investment cost). Report slots follow the
            municipality's cadence. Rules: expansion-not-followed-up, investment-profile, duplicate-year,
            year-outside-horizon (budget year … +9), no-expected-gain.""")
    @APIResponse(responseCode = "201", description = "Registered; Location and ETag of the initiative", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InitiativeView.class)))
    @APIResponse(responseCode = "400", description = "The body is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a finance officer of the municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a municipality code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A rule is broken (see the description)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality,
            @NotNull @Valid InitiativeInput input, @Context UriInfo uri) {
        InitiativeView view = initiatives.create(caller.actor(), municipality, input);
        return Responses.created(uri, view.id(), view, view.version());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "An initiative with its years and report slots", description = """
            Per year: adopted (taken out of the budget), expected now, realised over the reported periods with ratio,
            red/amber/green status and gains at risk; every report slot with its due date and status
            (PENDING, OVERDUE, REPORTED, CLOSED). The ETag is the version to send as If-Match. Ratios compare like with like: a report is at the prices of the
            year it reports on, so its realised amount is PL-regulated to the initiative's price level
            (realisedAtPriceLevel) with the municipality's price index before it is divided by the expectation;
            priceLevel says the level and the years converted from (convertedFrom null and a warning
            price-level-missing when the index lacks a year: then the amounts are compared as stated).""")
    @APIResponse(responseCode = "200", description = "The initiative; ETag: its version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InitiativeView.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such initiative in the municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Initiative id") @PathParam("id") long id) {
        InitiativeView view = initiatives.get(municipality, id).orElseThrow(() -> ProblemException.notFound("Initiative", id));
        return Responses.versioned(view, view.version());
    }

    @PUT
    @Path("/{id}/owner")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Assign the program owner", description = """
            A user of the realm (username: the login, preferred_username in the token, who may then report besides
            finance officers; the name is kept when left out) or a named person without a login (name only: only
            finance officers report, and the initiative stays on the needs-owner list). Neither is 422 owner-required.
            Send If-Match (412 when stale) or the version you read (409 when stale); neither is 428.""")
    @APIResponse(responseCode = "200", description = "Changed; ETag: the new version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InitiativeView.class)))
    @APIResponse(responseCode = "400", description = "The body is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a finance officer of the municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such initiative in the municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The version in the body is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "owner-required: neither username nor name", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "Neither If-Match nor version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeOwner(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Initiative id") @PathParam("id") long id,
            @Parameter(description = "The ETag you read, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid OwnerInput input) {
        InitiativeView view = initiatives.changeOwner(caller.actor(), municipality, id, input, EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(view, view.version());
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The initiative's audit trail", description = """
            Newest first: registration, owner changes, reports and corrections, overdue reports, re-planned slots and
            decisions, with who and when.""")
    @APIResponse(responseCode = "200", description = "A page of the audit trail")
    @APIResponse(responseCode = "400", description = "The page is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such initiative in the municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<AuditView> history(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Initiative id") @PathParam("id") long id,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return initiatives.history(municipality, id, page, size);
    }
}
