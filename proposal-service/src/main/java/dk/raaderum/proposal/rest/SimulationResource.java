package dk.raaderum.proposal.rest;

import static dk.raaderum.platform.web.security.Roles.FINANCE_OFFICER;
import static dk.raaderum.platform.web.security.Roles.POLITICIAN;

import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.proposal.service.simulation.ScenarioService.Comparison;
import dk.raaderum.proposal.service.simulation.ScenarioService.ScenarioInput;
import dk.raaderum.proposal.service.simulation.ScenarioService.ScenarioSummary;
import dk.raaderum.proposal.service.simulation.ScenarioService.ScenarioView;
import dk.raaderum.proposal.service.simulation.ScenarioService;
import dk.raaderum.proposal.service.simulation.SimulationModels.SimulationRequest;
import dk.raaderum.proposal.service.simulation.SimulationModels.SimulationResult;
import dk.raaderum.proposal.service.simulation.SimulationService;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The budget simulation that replaces the Excel workbook, and saved scenarios. */
@Path("/api/v1/municipalities/{municipalityCode}/catalogs/{catalogId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Budget simulation", description = "Pick proposals and general measures, see the room per year and area")
@RolesAllowed({ FINANCE_OFFICER, POLITICIAN })
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or another municipality",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such catalog or scenario that you may see",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SimulationResource {

    private final SimulationService simulations;
    private final ScenarioService scenarios;
    private final Caller caller;

    public SimulationResource(SimulationService simulations, ScenarioService scenarios, Caller caller) {
        this.simulations = simulations;
        this.scenarios = scenarios;
        this.caller = caller;
    }

    @POST
    @Path("/simulations")
    @Operation(summary = "Simulate a selection of proposals", description = "Per year: room created by type, room spent,"
            + " general frame reduction, withheld price/wage compensation, net room; the same per area with the area's"
            + " efficiency target (from target-service), the covered part and the gap; warnings (HIGH_UNCERTAINTY,"
            + " PAYBACK_AFTER_HORIZON, TARGET_GAP, SPENDS_MORE_THAN_CREATED). Room is positive when created. Every amount"
            + " is at the catalog's price level: targets allocated at another level are converted to it with the"
            + " municipality's price index (priceLevel.convertedFrom names those levels). `policy`: the selection against"
            + " the municipality's economic policy (target-service's economic-policy.adopted), per key figure and year"
            + " baseline, effect, value, bound, HELD/BREACHED and breachedBy, exact (e.g. Halsnæs: budget levers of at"
            + " least 1.5 % of the operating budget: 1,250,000 of room against 1.5 % of 100 mio. is BREACHED by 250,000);"
            + " `assumptions` states borrowing and instalments per year for cash holdings and long-term debt; warning"
            + " POLICY_BOUND_BREACHED per breached figure and year; `policy.adopted` false when there is no policy."
            + " `agreement`: when a multi-year agreement covers the budget year (Næstved's two-year agreement), each"
            + " committee against its fixed frame plus the compensated technical adjustments of its areas; an overrun"
            + " must be met by the committee's own proposals (warning COMMITTEE_FRAME_BREACHED naming committee and"
            + " year). Nothing is stored.")
    @APIResponse(responseCode = "422", description = "selectable-proposals, catalog-years, unknown-area,"
            + " area-budgets-known, assumption-years or amount-bound (business-rule); price-level-missing when the"
            + " municipality's price index lacks the catalog's or a target's, the policy's or the agreement's price"
            + " level (`year` names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The simulation")
    public SimulationResult simulate(@PathParam("municipalityCode") String municipality,
            @PathParam("catalogId") long catalogId, @NotNull @Valid SimulationRequest request) {
        return simulations.simulate(caller.actor(), municipality, catalogId, request);
    }

    @GET
    @Path("/scenarios")
    @Operation(summary = "Your scenarios and your party group's", description = "With the number of proposals and the net"
            + " room over the horizon, recomputed from today's proposals.")
    @APIResponse(responseCode = "200", description = "The catalog's scenarios")
    public List<ScenarioSummary> list(@PathParam("municipalityCode") String municipality,
            @PathParam("catalogId") long catalogId) {
        return scenarios.list(caller.actor(), municipality, catalogId);
    }

    @POST
    @Path("/scenarios")
    @Operation(summary = "Save a named scenario", description = "For yourself, or shared with your party group"
            + " (shareWithParty). The simulation is validated and computed when saved.")
    @APIResponse(responseCode = "201", description = "Saved; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScenarioView.class)))
    @APIResponse(responseCode = "409", description = "You (or your party group) have a scenario with that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "The simulation is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response save(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long catalogId,
            @NotNull @Valid ScenarioInput input, @Context UriInfo uri) {
        ScenarioView saved = scenarios.save(caller.actor(), municipality, catalogId, input);
        return Responses.created(uri, saved.id(), saved);
    }

    @GET
    @Path("/scenarios/compare")
    @Operation(summary = "Compare two scenarios side by side", description = "Which proposals only one of them has, and"
            + " the difference of the totals per year (right minus left).")
    @APIResponse(responseCode = "200", description = "The scenarios side by side")
    public Comparison compare(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long catalogId,
            @QueryParam("left") @NotNull Long left, @QueryParam("right") @NotNull Long right) {
        return scenarios.compare(caller.actor(), municipality, catalogId, left, right);
    }

    @GET
    @Path("/scenarios/{scenarioId}")
    @Operation(summary = "A scenario with its input and today's result")
    @APIResponse(responseCode = "200", description = "The scenario")
    public ScenarioView get(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long catalogId,
            @PathParam("scenarioId") long id) {
        return scenarios.get(caller.actor(), municipality, catalogId, id);
    }

    @DELETE
    @Path("/scenarios/{scenarioId}")
    @Operation(summary = "Delete a scenario", description = "Your own, or one of your party group's.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("municipalityCode") String municipality, @PathParam("catalogId") long catalogId,
            @PathParam("scenarioId") long id) {
        scenarios.delete(caller.actor(), municipality, catalogId, id);
    }
}
