package dk.raaderum.followup.rest;

import dk.raaderum.followup.domain.ApplicationStatus;
import dk.raaderum.followup.service.InvestmentApplicationService;
import dk.raaderum.followup.service.PoolModels.ApplicationDecisionInput;
import dk.raaderum.followup.service.PoolModels.ApplicationInput;
import dk.raaderum.followup.service.PoolModels.ApplicationView;
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

@Path("/api/v1/municipalities/{municipalityCode}/investment-pools/{poolId}/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Investment pools")
@APIResponse(responseCode = "400", description = "The body, a parameter or the page is not valid (e.g. a text too long, a control character, an amount beyond 1,000,000,000,000 kr.)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Another municipality, or a role that may not do it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Not a municipality code, or no such pool or application in the municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InvestmentApplicationResource {

    static final String BUSINESS_CASE = """
            {"committee": "Social- og Sundhedsudvalget", "title": "Velfærdsteknologi i hjemmeplejen",
             "description": "Spiserobotter og loftlifte frigør tid i hjemmeplejen.",
             "area": {"code": "ÆLD", "name": "Ældreområdet", "mainAccount": 5, "committee": "Social- og Sundhedsudvalget"},
             "investmentCost": [{"year": 2022, "amount": 1500000}],
             "expectedGains": [{"year": 2022, "amount": 300000}, {"year": 2023, "amount": 700000},
                               {"year": 2024, "amount": 700000}, {"year": 2025, "amount": 700000}],
             "paybackYears": 3, "uncertainty": "MEDIUM", "owner": "Hjemmeplejechef Lone Berg"}""";
    static final String GRANT = """
            {"decision": "GRANT", "reason": "Business casen holder.", "decidingBody": "FINANCE_COMMITTEE",
             "decisionReference": "ØU 2022-03-14 pkt. 7"}""";
    static final String POOL_EXHAUSTED = """
            {"type": "https://raaderum.dk/problems/pool-exhausted", "title": "The investment pool cannot cover the grant",
             "status": 409, "detail": "The pool \"Investeringspuljen 2021–2022\" cannot cover the investment cost: it remains 2021: 0 kr., 2022: 8.500.000 kr.; short by 2021: 400.000 kr.",
             "poolId": 1, "remaining": [{"year": 2021, "amount": 0}, {"year": 2022, "amount": 8500000}],
             "shortfall": [{"year": 2021, "amount": 400000}]}""";
    private static final String RULES = """
            Rules (422, member rule): investment-cost-required (no year with a cost above 0), negative-amount,
            duplicate-year, year-outside-pool (a cost in a year the pool lacks), beyond-pool (a cost above the pool's
            whole amount of the year), year-outside-horizon (a gain before the first cost year or more than 9 years
            after it), payback-inconsistent (counting the first cost year as year 1, the payback is the first year at
            whose end the cumulative gains reach the cumulative costs; the problem gives statedPayback,
            paybackReached and computedPayback).""";

    private final InvestmentApplicationService applications;
    private final Caller caller;

    public InvestmentApplicationResource(InvestmentApplicationService applications, Caller caller) {
        this.applications = applications;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Apply to the pool with a business case", description = """
            A committee (its finance officer) applies: the applying committee, title, description, policy area,
            investment cost and expected gain per year (whole kroner), the stated payback in years, uncertainty (LOW,
            MEDIUM, HIGH) and the owner (a person's name or role, or a login that then reports on the initiative).
            The example: 1.5 mio. kr. in 2022 paid back in year 3 (300,000 + 700,000 + 700,000 ≥ 1,500,000).
            """ + RULES)
    @APIResponse(responseCode = "201", description = "Submitted; Location and ETag of the application", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "422", description = "A rule is broken (see the description)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response apply(
            @Parameter(description = "Municipality code (kommunekode)", example = "370") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Pool id") @PathParam("poolId") long poolId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationInput.class),
                    examples = @ExampleObject(name = "Velfærdsteknologi", value = BUSINESS_CASE)))
            @NotNull @Valid ApplicationInput input, @Context UriInfo uri) {
        ApplicationView view = applications.apply(caller.actor(), municipality, poolId, input);
        return Responses.created(uri, view.id(), view, view.version());
    }

    @GET
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The pool's applications", description = "Oldest first, optionally of one status, each with its business case and decisions.")
    @APIResponse(responseCode = "200", description = "A page of applications")
    public PageOf<ApplicationView> list(
            @Parameter(description = "Municipality code (kommunekode)", example = "370") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Pool id") @PathParam("poolId") long poolId,
            @Parameter(description = "SUBMITTED, CHANGES_REQUESTED, GRANTED or REJECTED") @QueryParam("status")
            ApplicationStatus status,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return applications.list(municipality, poolId, status, page, size);
    }

    @GET
    @Path("/{applicationId}")
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "An application", description = """
            Its business case per year with running totals (where the payback is read), status, decisions and, once
            granted, the initiative that follows it up. The ETag is the version to send as If-Match.""")
    @APIResponse(responseCode = "200", description = "The application; ETag: its version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public Response get(
            @Parameter(description = "Municipality code (kommunekode)", example = "370") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Pool id") @PathParam("poolId") long poolId,
            @Parameter(description = "Application id") @PathParam("applicationId") long id) {
        ApplicationView view = applications.get(municipality, poolId, id)
                .orElseThrow(() -> ProblemException.notFound("Investment application", id));
        return Responses.versioned(view, view.version());
    }

    @PUT
    @Path("/{applicationId}")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Change and re-submit an application", description = """
            The whole business case as for POST; a SUBMITTED application, or one the deciding body asked to change
            (CHANGES_REQUESTED), is changed and is SUBMITTED again. A GRANTED or REJECTED application cannot change (409
            invalid-transition). Send If-Match (412 when stale) or the version you read (409 when stale); neither is
            428. """ + RULES)
    @APIResponse(responseCode = "200", description = "Changed and submitted; ETag: the new version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "invalid-transition (decided), or the version in the body is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A rule is broken (see the description)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "Neither If-Match nor version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response change(
            @Parameter(description = "Municipality code (kommunekode)", example = "370") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Pool id") @PathParam("poolId") long poolId,
            @Parameter(description = "Application id") @PathParam("applicationId") long id,
            @Parameter(description = "The ETag you read, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ApplicationInput input) {
        ApplicationView view = applications.change(caller.actor(), municipality, poolId, id, input,
                EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(view, view.version());
    }

    @POST
    @Path("/{applicationId}/decisions")
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN })
    @Operation(summary = "Decide on an application: grant, reject or ask for changes", description = """
            On a SUBMITTED application. GRANT and REJECT are taken by a body and registered by a finance officer on its
            behalf (a politician gets 403), naming decidingBody (COUNCIL, FINANCE_COMMITTEE, STANDING_COMMITTEE with
            decidingBodyName, EXECUTIVE_BOARD) and decisionReference (governance-required); ASK_FOR_CHANGES is open to
            politicians too, body and meeting optional. REJECT and ASK_FOR_CHANGES give a reason (reason-required).
            A GRANT draws the investment cost per year on the pool, never beyond what remains in any year: grants on
            one pool run one after the other (the pool's row is locked), so of two concurrent grants that both cannot
            fit, one wins and the other gets 409 pool-exhausted with the pool's remaining amount per year
            (remaining) and the shortfall. It creates the follow-up initiative (source INVESTMENT_POOL, the expected
            gains as its planned gains, the owner), whose realised gains are reported like any other's, and publishes
            investment-pool.granted (key: the pool id). Every decision is in the pool's audit trail. Send If-Match
            (412) or the version you read (409) when you want the check.""")
    @APIResponse(responseCode = "200", description = "Decided: the application with its new status, the decision and, for GRANT, initiativeId", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "pool-exhausted (remaining, shortfall), invalid-transition (not SUBMITTED), or a stale version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "pool-exhausted", value = POOL_EXHAUSTED)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "reason-required, governance-required, not-a-deciding-body, year-outside-pool", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response decide(
            @Parameter(description = "Municipality code (kommunekode)", example = "370") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Pool id") @PathParam("poolId") long poolId,
            @Parameter(description = "Application id") @PathParam("applicationId") long id,
            @Parameter(description = "The application's ETag you read, e.g. \"0\"") @HeaderParam("If-Match") String ifMatch,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationDecisionInput.class),
                    examples = @ExampleObject(name = "Grant", value = GRANT)))
            @NotNull @Valid ApplicationDecisionInput input) {
        ApplicationView view = applications.decide(caller.actor(), municipality, poolId, id, input,
                EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(view, view.version());
    }
}
