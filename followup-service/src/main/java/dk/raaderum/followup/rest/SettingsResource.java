package dk.raaderum.followup.rest;

import dk.raaderum.followup.service.SettingsModels.SettingsInput;
import dk.raaderum.followup.service.SettingsModels.SettingsView;
import dk.raaderum.followup.service.SettingsService;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.platform.web.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/municipalities/{municipalityCode}/followup/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-up settings", description = "Cadence, due dates and red/amber/green thresholds per municipality")
public class SettingsResource {

    private final SettingsService settings;
    private final Caller caller;

    public SettingsResource(SettingsService settings, Caller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "The municipality's follow-up settings", description = """
            Yearly with the accounts (due 1 April of the following year) and green ≥ 90 %, amber ≥ 60 % until the
            municipality saves its own (defaults=true, version 0).""")
    @APIResponse(responseCode = "200", description = "The settings in force; ETag: their version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettingsView.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another municipality", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a municipality code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality) {
        SettingsView view = settings.get(municipality);
        return Responses.versioned(view, view.version());
    }

    @PUT
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Save the municipality's follow-up settings", description = """
            A new cadence or due date re-plans the report slots of active initiatives in the years that have only
            pending slots (years with a report or an overdue slot keep theirs). New thresholds apply at once to
            every status shown. Send If-Match (412) or the version you read (409), also for the first save (the
            defaults are version 0; neither sent: 428). Rules: thresholds-order (amber ≤ green), invalid-due-date.""")
    @APIResponse(responseCode = "200", description = "Saved; ETag: the new version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettingsView.class)))
    @APIResponse(responseCode = "400", description = "The body is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another municipality, or not a finance officer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a municipality code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The version in the body is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A rule is broken (see the description)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality,
            @Parameter(description = "The ETag you read, e.g. \"0\"") @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid SettingsInput input) {
        SettingsView view = settings.update(caller.actor(), municipality, input, EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(view, view.version());
    }
}
