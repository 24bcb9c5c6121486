package dk.raaderum.platform.messaging.admin;

import static dk.raaderum.platform.web.security.Roles.PLATFORM_OPERATOR;

import dk.raaderum.platform.messaging.outbox.ParkedEvent;
import dk.raaderum.platform.web.problem.Problem;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import java.util.List;

/**
 * Operations on this service's messaging, in every service that uses platform/messaging; only for the
 * {@code platform-operator} role (municipal and KL users get 403).
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(PLATFORM_OPERATOR)
@Tag(name = "Messaging operations", description = "Dead-letter re-drive and parked outbox events (platform operators)")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a platform operator",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "Kafka did not answer; nothing was committed",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MessagingAdminResource {

    private final MessagingAdmin admin;

    public MessagingAdminResource(MessagingAdmin admin) {
        this.admin = admin;
    }

    @GET
    @Path("/dead-letters")
    @Operation(summary = "The topics this service consumes with their dead-letter topics and consumer groups")
    public List<DeadLetterSource> deadLetterTopics() {
        return admin.deadLetterSources();
    }

    @POST
    @Path("/dead-letters/redrive")
    @Operation(summary = "Re-drive every dead-letter topic of this service", description = "As the re-drive of one "
            + "topic, for each topic this service consumes.")
    public MessagingAdmin.RedriveSummary redriveAll(@QueryParam("includeUnattributed") @DefaultValue("false")
            boolean includeUnattributed) {
        return admin.redriveAll(includeUnattributed);
    }

    @POST
    @Path("/dead-letters/{topic}/redrive")
    @Operation(summary = "Process the records this service dead-lettered from <topic>.dlq again, in this service",
            description = "Each record goes, as the consumer first read it (original topic, partition and offset, key, "
                    + "value, headers without the dead-letter ones), to the consumer method that reads <topic> here; "
                    + "nothing is written to <topic>. An event applied before is not applied again (redriven counts "
                    + "it too). A record that fails again is written to <topic>.dlq again with a fresh reason and "
                    + "counted as failed; the others go on. Only records this service's consumers dead-lettered "
                    + "(header raaderum-dead-lettered-by); includeUnattributed=true also takes records without that "
                    + "header (dead-lettered before it existed). A second call re-drives only what was dead-lettered "
                    + "since: the progress is this service's re-drive consumer group.")
    @APIResponse(responseCode = "404", description = "This service consumes no such topic with a dead-letter topic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No @Incoming method taking a ConsumerRecord reads the topic here",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MessagingAdmin.RedriveSummary redrive(@Parameter(example = "proposal.adopted") @PathParam("topic") String topic,
            @QueryParam("includeUnattributed") @DefaultValue("false") boolean includeUnattributed) {
        return admin.redrive(topic, includeUnattributed);
    }

    @GET
    @Path("/outbox/parked")
    @Operation(summary = "Outbox events parked after Kafka refused them repeatedly, oldest first")
    public List<ParkedEvent> parked(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return admin.parked(limit);
    }

    @POST
    @Path("/outbox/parked/retry")
    @Operation(summary = "Put parked outbox events back in line", description = "All parked events, or those named by "
            + "id. Fix the cause first (topic, broker limits); an event refused again is parked again.")
    public MessagingAdmin.RequeueResult retryParked(@QueryParam("id") List<Long> ids) {
        return admin.requeueParked(ids);
    }
}
