package dk.raaderum.target.rest;

import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.security.Roles;
import dk.raaderum.target.service.KlModels.KlCoverage;
import dk.raaderum.target.service.KlModels.KlTargetSummary;
import dk.raaderum.target.service.KlService;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/kl/targets")
@Tag(name = "KL: targets across municipalities", description = "Aggregated and anonymised: adopted targets only, no municipality codes, small groups suppressed")
@APIResponse(responseCode = "400", description = "budgetYear missing or outside 2000–2100 (`validation`)")
@APIResponse(responseCode = "401", description = "No valid bearer token (problem+json `unauthenticated`)")
@APIResponse(responseCode = "403", description = "Not a KL curator (`forbidden`)")
public class KlTargetResource {

    private final KlService kl;

    public KlTargetResource(KlService kl) {
        this.kl = kl;
    }

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.KL_CURATOR)
    @Operation(summary = "Adopted efficiency targets across municipalities", description = "How many municipalities have an adopted, allocated target for the budget year; the spread of the room required in percent of the operating budget per year (min, quartiles, median, max, mean); targets by key, responsible body, kind and mode; the share that exempts or relieves areas. Fewer municipalities than the minimum group size: only the count.")
    @APIResponse(responseCode = "200", description = "The summary")
    public KlTargetSummary summary(
            @Parameter(description = "Budget year", example = "2027", required = true) @QueryParam("budgetYear") @NotNull
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer budgetYear) {
        return kl.targets(budgetYear);
    }

    @GET
    @Path("/summary")
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed(Roles.KL_CURATOR)
    @Operation(summary = "The summary as CSV", description = "One line per figure.")
    @APIResponse(responseCode = "200", description = "CSV")
    public Response summaryCsv(@QueryParam("budgetYear") @NotNull
    @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer budgetYear) {
        return CsvViews.klTargets(kl.targets(budgetYear));
    }

    @GET
    @Path("/coverage")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.KL_CURATOR)
    @Operation(summary = "Coverage across municipalities by main account", description = "Per main account (hovedkonto 0–6) and year: how many municipalities, their summed targets and covered room, coverage %, and how many areas reached their target. Groups with fewer municipalities than the minimum group size are suppressed.")
    @APIResponse(responseCode = "200", description = "Coverage by main account")
    public KlCoverage coverage(
            @Parameter(description = "Budget year", example = "2027", required = true) @QueryParam("budgetYear") @NotNull
            @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer budgetYear) {
        return kl.coverage(budgetYear);
    }

    @GET
    @Path("/coverage")
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed(Roles.KL_CURATOR)
    @Operation(summary = "Coverage by main account as CSV", description = "One line per main account and year.")
    @APIResponse(responseCode = "200", description = "CSV")
    public Response coverageCsv(@QueryParam("budgetYear") @NotNull
    @Min(BudgetYears.FIRST) @Max(BudgetYears.LAST) Integer budgetYear) {
        return CsvViews.klCoverage(kl.coverage(budgetYear));
    }
}
