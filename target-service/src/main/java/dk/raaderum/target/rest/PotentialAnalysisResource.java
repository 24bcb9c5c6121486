package dk.raaderum.target.rest;

import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.platform.web.security.Roles;
import dk.raaderum.target.service.PotentialModels.PotentialInput;
import dk.raaderum.target.service.PotentialModels.PotentialSummary;
import dk.raaderum.target.service.PotentialModels.PotentialView;
import dk.raaderum.target.service.PotentialModels.RealisationInput;
import dk.raaderum.target.service.PotentialService;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/municipalities/{municipalityCode}/potential-analyses")
@Tag(name = "Potential analyses", description = "Varde's potentialepakker: unit costs against the N-th cheapest comparison municipality")
@APIResponse(responseCode = "401", description = "No valid bearer token (problem+json `unauthenticated`)")
@APIResponse(responseCode = "403", description = "Another municipality (`wrong-municipality`) or a role that may not do this (`forbidden`)")
@APIResponse(responseCode = "404", description = "Not one of the 98 municipality codes (`unknown-municipality`) or no such analysis (`not-found`)")
public class PotentialAnalysisResource {

    private final PotentialService potentials;
    private final Caller caller;

    public PotentialAnalysisResource(PotentialService potentials, Caller caller) {
        this.potentials = potentials;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "List the municipality's potential analyses", description = "Newest first, with the total and realistic potential.")
    @APIResponse(responseCode = "200", description = "A page of analyses")
    @APIResponse(responseCode = "400", description = "Bad paging parameters (`validation`)")
    public PageOf<PotentialSummary> list(@Parameter(example = "573") @PathParam("municipalityCode") String municipality,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return potentials.list(municipality, page, size);
    }

    @GET
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The municipality's potential analyses as CSV", description = "One line per analysis (at most 1000).")
    @APIResponse(responseCode = "200", description = "CSV")
    public Response listCsv(@PathParam("municipalityCode") String municipality) {
        return CsvViews.potentials(municipality, potentials.list(municipality, 0, CsvViews.LIMIT).items());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Make a potential analysis", description = """
            Per area: potential = max(0, own unit cost − the N-th cheapest comparison unit cost) × volume (N default 10). \
            The total is scaled by the realism (FACTOR or CAP) and the realistic total is split over the areas in \
            proportion to their potentials, summing exactly. Comparison rows of the own municipality are skipped.""")
    @APIResponse(responseCode = "201", description = "Created, with the ranked result; Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PotentialView.class)))
    @APIResponse(responseCode = "400", description = "Not valid (`validation`)")
    @APIResponse(responseCode = "422", description = "Rule `potential-analysis`: duplicate areas, realism without its figure, comparison rows for unknown areas or municipalities")
    public Response create(@PathParam("municipalityCode") String municipality, @NotNull @Valid PotentialInput input,
            @Context UriInfo uri) {
        PotentialView view = potentials.create(caller.actor(), municipality, input);
        return Responses.created(uri, view.id(), view, view.version());
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "Read an analysis with its ranked result", description = "Areas ranked by potential: benchmark, gap per unit, potential, realistic potential, share and the spending index a DIFFERENTIATED key can use.")
    @APIResponse(responseCode = "200", description = "The analysis",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PotentialView.class)))
    public Response get(@PathParam("municipalityCode") String municipality, @Parameter(example = "1") @PathParam("id") long id) {
        PotentialView view = find(municipality, id);
        return Responses.versioned(view, view.version());
    }

    @GET
    @Path("/{id}")
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The ranked result as CSV", description = "One line per area, ranked, and the total.")
    @APIResponse(responseCode = "200", description = "CSV")
    public Response getCsv(@PathParam("municipalityCode") String municipality, @PathParam("id") long id) {
        return CsvViews.potential(find(municipality, id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Change an analysis", description = "Replaces areas, rank and realism (and the comparison set when given); send If-Match or `version`.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PotentialView.class)))
    @APIResponse(responseCode = "400", description = "Not valid (`validation`)")
    @APIResponse(responseCode = "409", description = "`version` is stale (`concurrent-modification`)")
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag (`precondition-failed`)")
    @APIResponse(responseCode = "422", description = "Rule `potential-analysis`")
    public Response update(@PathParam("municipalityCode") String municipality, @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid PotentialInput input) {
        PotentialView view = potentials.update(caller.actor(), municipality, id, input, EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(view, view.version());
    }

    @PUT
    @Path("/{id}/comparisons")
    @Consumes({ "text/csv", "application/csv" })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Replace the comparison set from CSV", description = """
            Long layout `område;kommune;enhedsudgift` (one line per area and municipality) or wide layout \
            `kommune;DAG;ÆLD;…` (one line per municipality, a column per area code of the analysis). `;` (or `,`/tab), \
            UTF-8, whole kroner. All lines or none: a 422 (rule `comparison-rows` or `csv-header`) lists every bad line \
            by number. Lines of the own municipality are skipped.""")
    @RequestBody(description = "The CSV file")
    @APIResponse(responseCode = "200", description = "Replaced, with the new result",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PotentialView.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag (`precondition-failed`)")
    @APIResponse(responseCode = "422", description = "Bad header or lines (rules `csv-header`, `comparison-rows`)")
    public Response comparisons(@PathParam("municipalityCode") String municipality, @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch, @Context HttpHeaders headers, byte[] csv) {
        PotentialView view = potentials.replaceComparisons(caller.actor(), municipality, id,
                CsvBodies.text(csv, headers.getMediaType()),
                EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(view, view.version());
    }

    @PUT
    @Path("/{id}/realisation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Record what has been realised of the potential", description = "Per area and year, replacing the earlier figures; the narrow path of the five paths plan counts it. Record only what is not also an adopted catalog proposal (that counts on the broad path).")
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PotentialView.class)))
    @APIResponse(responseCode = "400", description = "Not valid (`validation`)")
    @APIResponse(responseCode = "409", description = "`version` is stale (`concurrent-modification`)")
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag (`precondition-failed`)")
    @APIResponse(responseCode = "422", description = "Rule `realisation-rows`: an unknown area or a year given twice")
    public Response realisation(@PathParam("municipalityCode") String municipality, @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid RealisationInput input) {
        PotentialView view = potentials.replaceRealisation(caller.actor(), municipality, id, input,
                EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(view, view.version());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Delete an analysis", description = "Allocation rounds that used its indices keep them (they are stored in the round).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag (`precondition-failed`)")
    public Response delete(@PathParam("municipalityCode") String municipality, @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch) {
        potentials.delete(caller.actor(), municipality, id, EntityTags.parseIfMatch(ifMatch));
        return Response.noContent().build();
    }

    private PotentialView find(String municipality, long id) {
        return potentials.get(municipality, id).orElseThrow(() -> ProblemException.notFound("Potential analysis", id));
    }
}
