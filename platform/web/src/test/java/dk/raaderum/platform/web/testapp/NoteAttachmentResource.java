package dk.raaderum.platform.web.testapp;

import dk.raaderum.platform.web.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * A second resource class under a note's path, as the services split one resource over classes (proposal-service's
 * CatalogResource and SimulationResource): a wrong method on a note must still be a 405, not a 404.
 */
@Path("/api/v1/municipalities/{municipalityCode}/notes/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class NoteAttachmentResource {

    @GET
    @Path("/attachments")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    public List<String> attachments(@PathParam("municipalityCode") String municipality, @PathParam("id") long id) {
        return List.of();
    }
}
