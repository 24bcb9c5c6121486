package dk.raaderum.target.rest;

import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.platform.web.security.Roles;
import dk.raaderum.target.service.PolicyAreaModels.AreaInput;
import dk.raaderum.target.service.PolicyAreaModels.AreaView;
import dk.raaderum.target.service.PolicyAreaModels.RegisterView;
import dk.raaderum.target.service.PolicyAreaModels.Saved;
import dk.raaderum.target.service.PolicyAreaModels.Seeded;
import dk.raaderum.target.service.PolicyAreaService;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/municipalities/{municipalityCode}/policy-areas")
@Tag(name = "Policy areas", description = "The municipality's register of policy areas (fagområder): the one list of area codes that base budgets, targets and catalogs use")
@APIResponse(responseCode = "401", description = "No valid bearer token (problem+json `unauthenticated`)")
@APIResponse(responseCode = "403", description = "Another municipality (`wrong-municipality`) or a role that may not do this (`forbidden`)")
@APIResponse(responseCode = "404", description = "Not one of the 98 municipality codes (`unknown-municipality`) or no such area (`not-found`)")
public class PolicyAreaResource {

    /** The area code format of base budgets and catalogs. */
    static final String CODE = PolicyAreaRef.CODE_PATTERN;

    private final PolicyAreaService areas;
    private final Caller caller;

    public PolicyAreaResource(PolicyAreaService areas, Caller caller) {
        this.areas = areas;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The register of policy areas", description = "Every area in code order, retired ones included (`active` false), with the register's `revision` (0 and no areas while the municipality has no register). Not paged: a register has at most a few hundred areas.")
    @APIResponse(responseCode = "200", description = "The register",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegisterView.class)))
    public RegisterView list(@Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality) {
        return areas.register(municipality);
    }

    @GET
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The register of policy areas as CSV", description = "kode;navn;hovedkonto;udvalg;aktiv;version (Danish Excel: `;`, UTF-8 with BOM).")
    @APIResponse(responseCode = "200", description = "CSV")
    public Response listCsv(@PathParam("municipalityCode") String municipality) {
        RegisterView register = areas.register(municipality);
        return CsvViews.attachment("fagomraader-" + municipality + ".csv", csv -> {
            csv.row("kode", "navn", "hovedkonto", "udvalg", "aktiv", "version");
            for (AreaView area : register.areas()) {
                csv.row(area.code(), area.name(), area.mainAccount(), area.committee(), area.active() ? "ja" : "nej",
                        area.version());
            }
        });
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "Read one policy area", description = "The ETag is the version to send in If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The area",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AreaView.class)))
    @APIResponse(responseCode = "400", description = "Not an area code (`validation`)")
    public Response get(@Parameter(example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Area code, 2–10 capital letters or digits", example = "ÆLD") @PathParam("code") @Pattern(regexp = CODE) String code) {
        AreaView view = areas.get(municipality, code).orElseThrow(() -> ProblemException.notFound("Policy area", code));
        return Responses.versioned(view, view.version());
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Create or change a policy area", description = "Creates the area (201) or changes it (200; send If-Match or `version`, else 428): rename, another main account or committee, `active: false` retires it (it is never deleted: its code stays valid for what was made with it), `active: true` reactivates it. Each change is a new revision of the register, published as `policy-area.changed`; the answer's `revision` is what proposal-service must have received before it knows the change.")
    @APIResponse(responseCode = "200", description = "Changed (or unchanged: the same values are no new revision)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Saved.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Saved.class)))
    @APIResponse(responseCode = "400", description = "Not an area code, or the body is not valid (`validation`)")
    @APIResponse(responseCode = "409", description = "`version` is not the current one (`concurrent-modification`)")
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag (`precondition-failed`)")
    @APIResponse(responseCode = "428", description = "Changing an existing area without If-Match or `version` (`precondition-required`)")
    public Response put(@Parameter(example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Area code, 2–10 capital letters or digits", example = "ÆLD") @PathParam("code") @Pattern(regexp = CODE) String code,
            @Parameter(description = "The ETag you read, when changing an area") @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid AreaInput input, @Context UriInfo uri) {
        Saved saved = areas.put(caller.actor(), municipality, code, input, EntityTags.parseIfMatch(ifMatch));
        return Responses.saved(uri, saved.created(), saved, saved.area().version());
    }

    @POST
    @Path("/from-budget/{budgetYear}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Set up the register from a base budget", description = "One call to start: every area of the base budget of the year whose code is not in the register yet is added (name, main account and committee as in the budget); areas already registered are left as they are. One revision for all (`policy-area.changed`); nothing new, no new revision. `added` lists the codes added.")
    @APIResponse(responseCode = "200", description = "The register after the seed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Seeded.class)))
    @APIResponse(responseCode = "422", description = "No base budget of that year (rule `seed-budget`)")
    public Seeded seed(@Parameter(example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(example = "2027") @PathParam("budgetYear")
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) int budgetYear) {
        return areas.seed(caller.actor(), municipality, budgetYear);
    }
}
