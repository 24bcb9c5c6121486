package dk.raaderum.proposal.rest;

import static dk.raaderum.platform.web.security.Roles.FINANCE_OFFICER;
import static dk.raaderum.platform.web.security.Roles.MUNICIPAL_SYSTEM;
import static dk.raaderum.platform.web.security.Roles.POLITICIAN;
import static dk.raaderum.platform.web.security.Roles.PROGRAM_OWNER;

import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.proposal.service.ProposalHistory;
import dk.raaderum.proposal.service.ProposalModels.CatalogChangesView;
import dk.raaderum.proposal.service.ProposalModels.SeenInput;
import dk.raaderum.proposal.service.ProposalModels.SeenView;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** "What changed since I last looked": a per-user seen mark on a catalog and the changes after it. */
@Path("/api/v1/municipalities/{municipalityCode}/catalogs/{catalogId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Proposals")
@RolesAllowed({ FINANCE_OFFICER, POLITICIAN, PROGRAM_OWNER, MUNICIPAL_SYSTEM })
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or another municipality",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such catalog in the municipality",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CatalogChangesResource {

    private final ProposalHistory history;
    private final Caller caller;

    public CatalogChangesResource(ProposalHistory history, Caller caller) {
        this.history = history;
        this.caller = caller;
    }

    @POST
    @Path("/seen")
    @Operation(summary = "Mark the catalog as seen", description = "Records that you have looked at the catalog: your"
            + " own mark (per token subject), now or at seenAt — e.g. the until of the changes you just read, so nothing"
            + " written meanwhile is missed. The mark is a point in time only you write, not shared content, so it"
            + " names no version; the last mark wins.")
    @APIResponse(responseCode = "200", description = "The mark", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SeenView.class)))
    @APIResponse(responseCode = "400", description = "seenAt is in the future or not an instant",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public SeenView markSeen(@Parameter(example = "573") @PathParam("municipalityCode") String municipality,
            @PathParam("catalogId") long catalogId, SeenInput input) {
        return history.markSeen(caller.actor(), municipality, catalogId, input == null ? null : input.seenAt());
    }

    @GET
    @Path("/changes")
    @Operation(summary = "What changed in the catalog since you last looked", description = "The proposals you may see"
            + " (the same rules as the list) that were created, edited, corrected or moved in the workflow after since,"
            + " latest change first, each with the kinds of change and the fields (\"status\" for a workflow step)."
            + " since=last-seen (default) starts at your seen mark, or at the beginning if you never set one. Read the"
            + " details in each proposal's /history.")
    @APIResponse(responseCode = "200", description = "The changed proposals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogChangesView.class)))
    @APIResponse(responseCode = "400", description = "since is neither last-seen nor an ISO-8601 instant",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CatalogChangesView changes(@PathParam("municipalityCode") String municipality,
            @PathParam("catalogId") long catalogId,
            @Parameter(description = "last-seen, or an ISO-8601 instant (exclusive)", example = "2026-09-01T08:00:00Z")
            @QueryParam("since") @DefaultValue(ProposalHistory.LAST_SEEN) String since) {
        return history.changes(caller.actor(), municipality, catalogId, since);
    }
}
