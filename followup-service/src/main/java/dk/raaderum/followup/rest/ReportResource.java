package dk.raaderum.followup.rest;

import dk.raaderum.followup.service.ReportModels.ReportInput;
import dk.raaderum.followup.service.ReportModels.ReportView;
import dk.raaderum.followup.service.ReportService;
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
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/municipalities/{municipalityCode}/initiatives/{id}/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Benefit reports", description = "What an initiative realised per period, how well it is shown, and what was learnt")
public class ReportResource {

    private final ReportService reports;
    private final Caller caller;

    public ReportResource(ReportService reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.PROGRAM_OWNER })
    @Operation(summary = "Report the realised gain of a period", description = """
            By the initiative's program owner (the token's preferred_username is its owner login) or a finance officer.
            The year (and with the quarterly cadence the quarter) names the report slot. realised is at the prices of
            that year; ratio = realised PL-regulated to the initiative's price level (realisedAtPriceLevel, with the
            municipality's price index) / expected (four decimals) and a red/amber/green status by the municipality's
            thresholds; priceLevel states the level and what was converted. A year the index lacks does not refuse
            the report: the amounts are compared as stated, priceLevel.convertedFrom is null and priceLevel.warning
            (price-level-missing) names the year. Event benefit.reported.
            A second report on a slot is a correction: a new version with a correctionReason; send reportVersion (the
            version you correct) to be told when someone else corrected it first (409). Rules: unknown-report-slot,
            period-not-started, correction-reason-required.""")
    @APIResponse(responseCode = "201", description = "Reported; Location of the report version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "The body is not valid (e.g. missing evidence level, year out of range)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another municipality, or neither the owner nor a finance officer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such initiative in the municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "initiative-terminated, report-slot-closed, or concurrent-modification (a stale reportVersion)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A rule is broken (see the description)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response report(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Initiative id") @PathParam("id") long id,
            @NotNull @Valid ReportInput input, @Context UriInfo uri) {
        ReportView view = reports.report(caller.actor(), caller.username(), municipality, id, input);
        return Responses.created(uri, view.id(), view);
    }

    @GET
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The initiative's reports, every version", description = """
            Newest first; latest=true marks the version that counts for its period. Filter on one period (2027 or
            2027-Q2) to see its corrections. Each version as reported: realisedAtPriceLevel, ratio and status with the
            price index and thresholds of that moment, and priceLevel stating the level (the slots of the initiative
            show them with today's).""")
    @APIResponse(responseCode = "200", description = "A page of report versions")
    @APIResponse(responseCode = "400", description = "A filter or the page is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such initiative in the municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<ReportView> history(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Initiative id") @PathParam("id") long id,
            @Parameter(description = "One period", example = "2027") @QueryParam("period") @Pattern(regexp = "\\d{4}(-Q[1-4])?") String period,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return reports.history(municipality, id, period, page, size);
    }

    @GET
    @Path("/{reportId}")
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "One report version", description = "With its narrative, barriers and new opportunities.")
    @APIResponse(responseCode = "200", description = "The report version")
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such initiative or report", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReportView get(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Initiative id") @PathParam("id") long id,
            @Parameter(description = "Report id") @PathParam("reportId") long reportId) {
        return reports.get(municipality, id, reportId).orElseThrow(() -> ProblemException.notFound("Report", reportId));
    }
}
