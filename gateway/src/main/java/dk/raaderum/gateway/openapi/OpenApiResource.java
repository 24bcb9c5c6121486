package dk.raaderum.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The one API description of the platform (Swagger UI at /q/swagger-ui shows it). */
@Path("/openapi.json")
@Tag(name = "API description")
public class OpenApiResource {

    private final MergedOpenApi merged;

    public OpenApiResource(MergedOpenApi merged) {
        this.merged = merged;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The merged OpenAPI document of every service behind the gateway")
    public ObjectNode document(@Context UriInfo uri) {
        return merged.document(uri.getBaseUri().toString().replaceAll("/$", ""));
    }
}
