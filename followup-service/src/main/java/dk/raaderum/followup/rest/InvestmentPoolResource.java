package dk.raaderum.followup.rest;

import dk.raaderum.followup.service.InitiativeModels.AuditView;
import dk.raaderum.followup.service.InvestmentPoolService;
import dk.raaderum.followup.service.PoolModels.PoolInput;
import dk.raaderum.followup.service.PoolModels.PoolView;
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

@Path("/api/v1/municipalities/{municipalityCode}/investment-pools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Investment pools", description = """
        Pools of multi-year agreements that committees apply to with a business case (Næstved: 2 mio. kr. in 2021,
        10 mio. kr. a year from 2022); grants draw on the pool and are followed up as initiatives""")
@APIResponse(responseCode = "400", description = "The body, a parameter or the page is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Another municipality, or a role that may not do it (writes: finance officers)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Not a municipality code, or no such pool in the municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InvestmentPoolResource {

    static final String NAESTVED_POOL = """
            {"name": "Investeringspuljen 2021–2022", "decisionReference": "Budgetaftale 2021–2022, byrådet 8.10.2020, pkt. 3",
             "description": "Udvalgene søger puljen med en business case.",
             "years": [{"year": 2021, "amount": 2000000}, {"year": 2022, "amount": 10000000},
                       {"year": 2023, "amount": 10000000}, {"year": 2024, "amount": 10000000}]}""";

    private final InvestmentPoolService pools;
    private final Caller caller;

    public InvestmentPoolResource(InvestmentPoolService pools, Caller caller) {
        this.pools = pools;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Create an investment pool", description = """
            A name, the decision that set it up and an amount per budget year in whole kroner (Næstved's two-year
            agreement: 2,000,000 kr. in 2021 and 10,000,000 kr. a year from 2022). Rules: duplicate-year,
            negative-amount.""")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag of the pool", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PoolView.class)))
    @APIResponse(responseCode = "422", description = "A rule is broken (see the description)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @Parameter(description = "Municipality code (kommunekode)", example = "370") @PathParam("municipalityCode") String municipality,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PoolInput.class),
                    examples = @ExampleObject(name = "Næstved", value = NAESTVED_POOL)))
            @NotNull @Valid PoolInput input, @Context UriInfo uri) {
        PoolView view = pools.create(caller.actor(), municipality, input);
        return Responses.created(uri, view.id(), view, view.version());
    }

    @GET
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The municipality's investment pools", description = "Newest first, each with its figures per year as GET …/{poolId}.")
    @APIResponse(responseCode = "200", description = "A page of pools")
    public PageOf<PoolView> list(
            @Parameter(description = "Municipality code (kommunekode)", example = "370") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return pools.list(municipality, page, size);
    }

    @GET
    @Path("/{poolId}")
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "An investment pool and its return", description = """
            Per year: amount, granted (drawn by grants), remaining (never below 0), the expected gains of its grants and
            the realised gains reported on their initiatives, so the pool's return is visible over time (years of
            gains outside the pool's own years have amount 0); totals; and how many applications are in each status.
            The ETag is the version to send as If-Match (every grant changes it).""")
    @APIResponse(responseCode = "200", description = "The pool; ETag: its version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PoolView.class)))
    public Response get(
            @Parameter(description = "Municipality code (kommunekode)", example = "370") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Pool id") @PathParam("poolId") long id) {
        PoolView view = pools.get(municipality, id).orElseThrow(() -> ProblemException.notFound("Investment pool", id));
        return Responses.versioned(view, view.version());
    }

    @PUT
    @Path("/{poolId}")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Change an investment pool", description = """
            The whole pool as for POST. A year's amount cannot go below what is granted in it, nor can such a year be
            left out (422 pool-below-granted, with granted per year). Send If-Match (412 when stale) or the version you
            read (409 when stale); neither is 428.""")
    @APIResponse(responseCode = "200", description = "Changed; ETag: the new version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PoolView.class)))
    @APIResponse(responseCode = "409", description = "The version in the body is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "duplicate-year, negative-amount or pool-below-granted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "Neither If-Match nor version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response change(
            @Parameter(description = "Municipality code (kommunekode)", example = "370") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Pool id") @PathParam("poolId") long id,
            @Parameter(description = "The ETag you read, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid PoolInput input) {
        PoolView view = pools.change(caller.actor(), municipality, id, input, EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(view, view.version());
    }

    @GET
    @Path("/{poolId}/history")
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The pool's audit trail", description = """
            Newest first: the pool created and changed, applications submitted and changed, and decisions on them,
            with who and when.""")
    @APIResponse(responseCode = "200", description = "A page of the audit trail")
    public PageOf<AuditView> history(
            @Parameter(description = "Municipality code (kommunekode)", example = "370") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Pool id") @PathParam("poolId") long id,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return pools.history(municipality, id, page, size);
    }
}
