package dk.raaderum.followup.rest;

import dk.raaderum.followup.service.FigureModels.OverdueView;
import dk.raaderum.followup.service.FigureModels.OwnerOverdueView;
import dk.raaderum.followup.service.OverdueService;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/municipalities/{municipalityCode}/followup/overdue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Overdue reports", description = "Report slots past their due date, per municipality and per owner")
public class OverdueResource {

    private final OverdueService overdue;

    public OverdueResource(OverdueService overdue) {
        this.overdue = overdue;
    }

    @GET
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "Overdue reports of the municipality", description = """
            Report slots that passed their due date without a report (found by the overdue job), oldest due date
            first, with the owner and how many days overdue. Filter on an owner login (a program owner's own list) or an
            area.""")
    @APIResponse(responseCode = "200", description = "A page of overdue reports")
    @APIResponse(responseCode = "400", description = "A filter or the page is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a municipality code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<OverdueView> list(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Owner login", example = "varde-owner") @QueryParam("owner") @Size(max = 200) String owner,
            @Parameter(description = "Policy area code", example = "ÆLD") @QueryParam("areaCode") @Size(max = 10) String areaCode,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return overdue.list(municipality, owner, areaCode, page, size);
    }

    @GET
    @Path("/owners")
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "Overdue reports per program owner", description = """
            One line per owner login with overdue reports (most first): how many, on how many initiatives, the oldest
            due date and the expected gain awaiting a report. ownerUsername null gathers initiatives without an owner
            login.""")
    @APIResponse(responseCode = "200", description = "A page of owners with overdue reports")
    @APIResponse(responseCode = "400", description = "The page is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a municipality code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<OwnerOverdueView> byOwner(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return overdue.byOwner(municipality, page, size);
    }
}
