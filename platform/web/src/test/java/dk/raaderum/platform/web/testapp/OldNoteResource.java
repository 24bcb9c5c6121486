package dk.raaderum.platform.web.testapp;

import dk.raaderum.platform.web.http.Deprecations;
import dk.raaderum.platform.web.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import java.util.Map;

/** An operation on its way out next to one that stays: the deprecation headers (docs/api/README.md). */
@Path("/api/v1/municipalities/{municipalityCode}/old-notes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.FINANCE_OFFICER)
public class OldNoteResource {

    @GET
    @Operation(summary = "The notes, the old way", deprecated = true)
    @Extension(name = Deprecations.DEPRECATED_ON, value = "2026-12-01")
    @Extension(name = Deprecations.SUNSET, value = "2027-06-30")
    public Map<String, Object> list(@PathParam("municipalityCode") String municipality) {
        return Map.of("municipality", municipality);
    }

    @GET
    @Path("/current")
    @Operation(summary = "The notes")
    public Map<String, Object> current(@PathParam("municipalityCode") String municipality) {
        return Map.of("municipality", municipality);
    }
}
